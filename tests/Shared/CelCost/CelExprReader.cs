using Antlr4.Runtime;
using Cel.Internal;

namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// Parses a rule with the Cel package's ANTLR grammar and builds <see cref="CelExpr"/> the way cel-go's parser
/// would: operators become calls named like cel-go's ("_&amp;&amp;_", "@in"), has() a presence test and the list
/// macros comprehensions. Syntax newer than our minimum Kubernetes (optional .? and [?]) and message or map
/// literals are refused as unsupported.
/// </summary>
internal sealed class CelExprReader : CelBaseVisitor<CelExpr>
{
    private static readonly HashSet<string> ListMacros = ["all", "exists", "exists_one", "map", "filter"];

    public static CelExpr Parse(string rule)
    {
        var lexer = new CelLexer(CharStreams.fromString(rule));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(ThrowingErrorListener.Instance);
        var parser = new CelParser(new CommonTokenStream(lexer));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(ThrowingErrorListener.Instance);
        return new CelExprReader().Visit(parser.start());
    }

    public override CelExpr VisitStart(CelParser.StartContext context) => Visit(context.e);

    public override CelExpr VisitExpr(CelParser.ExprContext context) =>
        context.op == null ? Visit(context.e) : CelExpr.Call("_?_:_", Visit(context.e), Visit(context.e1), Visit(context.e2));

    public override CelExpr VisitConditionalOr(CelParser.ConditionalOrContext context) =>
        context.conditionalAnd().Select(Visit).Aggregate((l, r) => CelExpr.Call("_||_", l, r));

    public override CelExpr VisitConditionalAnd(CelParser.ConditionalAndContext context) =>
        context.relation().Select(Visit).Aggregate((l, r) => CelExpr.Call("_&&_", l, r));

    public override CelExpr VisitRelation(CelParser.RelationContext context)
    {
        if (context.op == null)
        {
            return Visit(context.calc());
        }

        var name = context.op.Text == "in" ? "@in" : $"_{context.op.Text}_";
        return CelExpr.Call(name, Visit(context.relation(0)), Visit(context.relation(1)));
    }

    public override CelExpr VisitCalc(CelParser.CalcContext context) =>
        context.op == null ? Visit(context.unary()) : CelExpr.Call($"_{context.op.Text}_", Visit(context.calc(0)), Visit(context.calc(1)));

    public override CelExpr VisitMemberExpr(CelParser.MemberExprContext context) => Visit(context.member());

    public override CelExpr VisitLogicalNot(CelParser.LogicalNotContext context) =>
        context._ops.Count % 2 == 0 ? Visit(context.member()) : CelExpr.Call("!_", Visit(context.member()));

    public override CelExpr VisitNegate(CelParser.NegateContext context) =>
        context._ops.Count % 2 == 0 ? Visit(context.member()) : CelExpr.Call("-_", Visit(context.member()));

    public override CelExpr VisitPrimaryExpr(CelParser.PrimaryExprContext context) => Visit(context.primary());

    public override CelExpr VisitSelect(CelParser.SelectContext context)
    {
        if (context.opt != null)
        {
            throw new UnsupportedCelConstructException($"optional field selection '.?{context.id.Text}'");
        }

        return new CelExpr(CelExprKind.Select, context.id.Text, [Visit(context.member())]);
    }

    public override CelExpr VisitMemberCall(CelParser.MemberCallContext context)
    {
        var name = context.id.Text;
        var target = Visit(context.member());
        var args = Arguments(context.args);
        if (ListMacros.Contains(name))
        {
            return Comprehension(name, target, args);
        }

        return new CelExpr(CelExprKind.Call, name, [target, .. args], Member: true);
    }

    public override CelExpr VisitIndex(CelParser.IndexContext context)
    {
        if (context.opt != null)
        {
            throw new UnsupportedCelConstructException("optional index '[?'");
        }

        return CelExpr.Call("_[_]", Visit(context.member()), Visit(context.index));
    }

    public override CelExpr VisitIdentOrGlobalCall(CelParser.IdentOrGlobalCallContext context)
    {
        if (context.leadingDot != null)
        {
            throw new UnsupportedCelConstructException("leading-dot identifier");
        }

        var name = context.id.Text;
        if (context.op == null)
        {
            return new CelExpr(CelExprKind.Ident, name, []);
        }

        var args = Arguments(context.args);
        if (name == "has")
        {
            if (args.Count != 1 || args[0].Kind != CelExprKind.Select)
            {
                throw new FormatException("has() takes one field selection");
            }

            return new CelExpr(CelExprKind.PresenceTest, args[0].Name, args[0].Args);
        }

        return new CelExpr(CelExprKind.Call, name, args);
    }

    public override CelExpr VisitNested(CelParser.NestedContext context) => Visit(context.e);

    public override CelExpr VisitCreateList(CelParser.CreateListContext context)
    {
        var elements = new List<CelExpr>();
        foreach (var element in context.elems?.optExpr() ?? [])
        {
            if (element.opt != null)
            {
                throw new UnsupportedCelConstructException("optional list element '?'");
            }

            elements.Add(Visit(element.e));
        }

        return new CelExpr(CelExprKind.List, "list", elements);
    }

    public override CelExpr VisitCreateStruct(CelParser.CreateStructContext context) =>
        throw new UnsupportedCelConstructException("map literal");

    public override CelExpr VisitCreateMessage(CelParser.CreateMessageContext context) =>
        throw new UnsupportedCelConstructException("message literal");

    public override CelExpr VisitConstantLiteral(CelParser.ConstantLiteralContext context) => Visit(context.literal());

    public override CelExpr VisitInt(CelParser.IntContext context) => CelExpr.Literal("int", 1);

    public override CelExpr VisitUint(CelParser.UintContext context) => CelExpr.Literal("uint", 1);

    public override CelExpr VisitDouble(CelParser.DoubleContext context) => CelExpr.Literal("double", 1);

    public override CelExpr VisitBoolTrue(CelParser.BoolTrueContext context) => CelExpr.Literal("bool", 1);

    public override CelExpr VisitBoolFalse(CelParser.BoolFalseContext context) => CelExpr.Literal("bool", 1);

    public override CelExpr VisitNull(CelParser.NullContext context) => CelExpr.Literal("null", 1);

    public override CelExpr VisitString(CelParser.StringContext context) =>
        CelExpr.Literal("string", StringLiteralRunes(context.tok.Text));

    public override CelExpr VisitBytes(CelParser.BytesContext context) =>
        throw new UnsupportedCelConstructException("bytes literal");

    private List<CelExpr> Arguments(CelParser.ExprListContext? list) => list?.expr().Select(Visit).ToList() ?? [];

    private static CelExpr Comprehension(string macro, CelExpr range, List<CelExpr> args)
    {
        var arity = macro == "map" ? args.Count is 2 or 3 : args.Count == 2;
        if (!arity || args[0].Kind != CelExprKind.Ident)
        {
            throw new FormatException($"{macro}() takes an iteration variable and an expression");
        }

        return new CelExpr(CelExprKind.Comprehension, macro, [range, .. args.Skip(1)], IterVar: args[0].Name);
    }

    /// <summary>The CEL size (code points) of a quoted string token; each escape sequence is one character.</summary>
    private static ulong StringLiteralRunes(string token)
    {
        var raw = token[0] is 'r' or 'R';
        var body = raw ? token[1..] : token;
        var quote = body.StartsWith("\"\"\"", StringComparison.Ordinal) || body.StartsWith("'''", StringComparison.Ordinal) ? 3 : 1;
        body = body[quote..^quote];
        if (raw)
        {
            return (ulong)body.EnumerateRunes().Count();
        }

        ulong count = 0;
        for (var i = 0; i < body.Length; count++)
        {
            if (body[i] != '\\')
            {
                i += char.IsSurrogatePair(body, i) ? 2 : 1;
                continue;
            }

            var kind = body[i + 1];
            i += kind switch
            {
                'u' => 6,
                'U' => 10,
                'x' or 'X' => 4,
                _ when char.IsDigit(kind) => 4,
                _ => 2,
            };
        }

        return count;
    }
}

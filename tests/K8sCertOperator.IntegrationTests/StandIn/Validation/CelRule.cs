using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cel;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>One x-kubernetes-validations entry, compiled once when its CRD is registered.</summary>
public sealed partial class CelRule
{
    // Compiling is rare (CRD registration) and the environment is not documented as thread-safe; programs are
    // pure delegates over the variables they are given.
    private static readonly Lock CompileGate = new();
    // Every function the CRDs in config/crd use (has, size, in, ternaries, comparisons) is built into the library;
    // StandInTests/CelCoverageTests fails when a rule needs one that is not.
    private static readonly CelEnvironment Environment = new(null, null);

    private CelRule(string rule, string message, string? messageExpression, string? fieldPath, string? reason)
    {
        Rule = rule;
        Message = message;
        MessageExpressionText = messageExpression;
        FieldPath = fieldPath;
        Reason = reason;
        UsesOldSelf = OldSelfReference().IsMatch(rule);
    }

    public string Rule { get; }

    public string Message { get; }

    public string? MessageExpressionText { get; }

    /// <summary>The rule's optional fieldPath (a JSON path such as <c>.spec.x</c> relative to the rule's node).</summary>
    public string? FieldPath { get; }

    /// <summary>The rule's optional reason (FieldValueInvalid, FieldValueForbidden, FieldValueRequired, FieldValueDuplicate).</summary>
    public string? Reason { get; }

    /// <summary>A transition rule: it mentions oldSelf and runs only on update when an old value exists.</summary>
    public bool UsesOldSelf { get; }

    public CelProgramDelegate? Program { get; private set; }

    public CelProgramDelegate? MessageExpression { get; private set; }

    /// <summary>Why the rule did not compile, or null.</summary>
    public string? CompileError { get; private set; }

    public static CelRule Compile(JsonObject entry)
    {
        var rule = new CelRule(
            (string?)entry["rule"] ?? "",
            (string?)entry["message"] ?? "",
            (string?)entry["messageExpression"],
            (string?)entry["fieldPath"],
            (string?)entry["reason"]);
        lock (CompileGate)
        {
            try
            {
                rule.Program = rule.Rule.Trim().Length == 0 ? null : Environment.Compile(WithKeyPresence(rule.Rule));
                rule.MessageExpression = string.IsNullOrWhiteSpace(rule.MessageExpressionText) ? null : Environment.Compile(WithKeyPresence(rule.MessageExpressionText));
            }
#pragma warning disable CA1031 // any compiler failure is reported as the real server reports a compile error
            catch (Exception failure)
#pragma warning restore CA1031
            {
                rule.CompileError = failure.Message;
            }
        }
        return rule;
    }

    /// <summary>The message used when the rule fails and no messageExpression produced one (ruleMessageOrDefault upstream).</summary>
    public string DefaultMessage => Message.Trim().Length > 0 ? Message.Trim() : $"failed rule: {Rule.Trim()}";

    /// <summary>How upstream names the rule in evaluation errors: its message if set, else its text.</summary>
    public string Description => Message.Trim().Length > 0 ? Message.Trim() : Rule.Trim();

    /// <summary>
    /// The library's has() follows protobuf presence, so an empty map, list or string counts as absent; on Kubernetes
    /// objects (plain maps) has(x.f) means "key f is present", so <c>selfSigned: {}</c> is set. The macro cannot be
    /// replaced, so each <c>has(x.f)</c> is rewritten to the equivalent key test <c>('f' in x)</c> before compiling.
    /// </summary>
    public static string WithKeyPresence(string expression) =>
        HasMacro().Replace(expression, m => $"('{m.Groups["field"].Value}' in {m.Groups["target"].Value})");

    [GeneratedRegex(@"\bhas\(\s*(?<target>[A-Za-z_][A-Za-z0-9_.]*)\.(?<field>[A-Za-z_][A-Za-z0-9_]*)\s*\)")]
    private static partial Regex HasMacro();

    [GeneratedRegex(@"\boldSelf\b")]
    private static partial Regex OldSelfReference();
}

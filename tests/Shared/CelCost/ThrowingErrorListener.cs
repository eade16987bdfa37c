using Antlr4.Runtime;

namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>Turns ANTLR's reported syntax errors (normally printed and recovered from) into exceptions.</summary>
internal sealed class ThrowingErrorListener : IAntlrErrorListener<IToken>, IAntlrErrorListener<int>
{
    public static ThrowingErrorListener Instance { get; } = new();

    public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
        throw new FormatException($"CEL syntax error at {line}:{charPositionInLine}: {msg}");

    public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
        throw new FormatException($"CEL syntax error at {line}:{charPositionInLine}: {msg}");
}

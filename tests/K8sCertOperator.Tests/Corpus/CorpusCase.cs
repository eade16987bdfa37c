using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>One corpus entry: its file, name, expectations and (macro-expanded) input.</summary>
public sealed record CorpusCase(string File, string Name, JsonObject Expect, JsonObject Input)
{
    public string? Expected(string key) => Expect[key]?.GetValue<string>();

    /// <summary>Shown by xunit as the theory argument.</summary>
    public override string ToString() => $"{File}:{Name}";
}

using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>An RFC 7807 problem document as ACME uses it (RFC 8555 §6.7), with subproblems.</summary>
public sealed record AcmeProblem
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary>Present on subproblems: which identifier this one is about.</summary>
    [JsonPropertyName("identifier")]
    public AcmeIdentifier? Identifier { get; init; }

    [JsonPropertyName("subproblems")]
    public IReadOnlyList<AcmeProblem>? Subproblems { get; init; }

    public override string ToString()
    {
        var text = $"{Type ?? "about:blank"}: {Detail ?? Title}";
        if (Identifier is not null)
        {
            text = $"{Identifier}: {text}";
        }
        if (Subproblems is { Count: > 0 } subs)
        {
            text += " [" + string.Join("; ", subs.Select(s => s.ToString())) + "]";
        }
        return text;
    }
}

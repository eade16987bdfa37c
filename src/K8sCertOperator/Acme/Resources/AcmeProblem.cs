using System.Text.Json.Serialization;
using K8sCertOperator.Outbound;

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

    /// <summary>Most subproblems kept by <see cref="Sanitized"/>; a CA lists one per identifier, at most 100.</summary>
    public const int MaxSubproblems = 10;

    /// <summary>
    /// The problem fit to show in a status condition: type, title and detail as short excerpts without control
    /// characters, no instance URL, at most <see cref="MaxSubproblems"/> subproblems, themselves sanitized.
    /// </summary>
    public AcmeProblem Sanitized() => this with
    {
        Type = SafeExcerpt.From(Type, 100),
        Title = SafeExcerpt.From(Title, 100),
        Detail = SafeExcerpt.From(Detail),
        Instance = null,
        Identifier = Identifier is null ? null : new AcmeIdentifier(SafeExcerpt.From(Identifier.Type, 20)!, SafeExcerpt.From(Identifier.Value, 100)!),
        Subproblems = Subproblems?.Take(MaxSubproblems).Select(s => s.Sanitized() with { Subproblems = null }).ToList(),
    };

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

using System.Text.Json.Nodes;
using K8sCertOperator.Api;

namespace K8sCertOperator.Policies.Schema;

/// <summary>
/// Whether a spec read from cert-manager's CRDs uses what the operator lacks, by the same comparison with the operator's
/// own schema as `check migration` (<see cref="SchemaGaps"/>). Only <see cref="FindingSeverity.Unsupported"/> gaps
/// block: acting without the field would do something else than the user asked for. Fields accepted and ignored
/// (an HTTP-01 solver's podTemplate) do not: their own Warning Event names them.
/// </summary>
public static class UnsupportedFieldPolicy
{
    /// <summary>Ready reason of an issuer whose issuer type (spec.vault, spec.venafi) this operator does not have.</summary>
    public const string UnsupportedIssuer = "UnsupportedIssuer";

    /// <summary>Ready reason of an object that uses a field or value this operator does not have.</summary>
    public const string UnsupportedField = "UnsupportedField";

    /// <summary>How many gaps the message spells out; the rest are counted (the condition message stays short).</summary>
    public const int MaxNamed = 5;

    /// <summary>The verdict for <paramref name="spec"/> of a <paramref name="kind"/>; null when nothing in it blocks.</summary>
    public static UnsupportedFieldVerdict? Evaluate(string kind, JsonNode? spec)
    {
        if (spec is null || OperatorSchemas.For(kind)?["properties"]?["spec"] is not JsonObject schema)
        {
            return null;
        }

        var blocking = SchemaGaps.Find(kind, spec, schema, "spec").Where(g => g.Severity == FindingSeverity.Unsupported).ToList();
        if (blocking.Count == 0)
        {
            return null;
        }

        var issuerType = kind is ApiGroups.IssuerKind or ApiGroups.ClusterIssuerKind && blocking.Any(g => IsIssuerType(g, schema));
        var named = string.Join("; ", blocking.Take(MaxNamed).Select(g => $"{g.Path}: {g.Message}"));
        var more = blocking.Count > MaxNamed ? $"; and {blocking.Count - MaxNamed} more" : "";
        var advice = issuerType
            ? "leave its Certificates to cert-manager or move them to a supported issuer"
            : $"the {kind} is not acted on until the spec no longer uses them";
        return new UnsupportedFieldVerdict(issuerType ? UnsupportedIssuer : UnsupportedField, $"{named}{more}; {advice}", [.. blocking.Select(g => g.Path)]);
    }

    // An issuer type is a top-level spec field our schema does not have (vault, venafi), not a bad value of one it has.
    private static bool IsIssuerType(SchemaGap gap, JsonObject specSchema) =>
        gap.Path.StartsWith("spec.", StringComparison.Ordinal) && gap.Path.IndexOfAny(['.', '['], 5) < 0
        && specSchema["properties"]?[gap.Path[5..]] is null;
}

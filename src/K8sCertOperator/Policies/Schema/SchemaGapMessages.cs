using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.Policies.Schema;

/// <summary>Names what an unknown field is (an issuer type, a DNS-01 provider...) from where it sits, for the report.</summary>
public static partial class SchemaGapMessages
{
    // Most specific first; paths have their [index] parts removed before matching.
    private static readonly (Regex Where, string What)[] Categories =
    [
        (Dns01ProviderPath(), "DNS-01 provider"),
        (Http01SolverPath(), "HTTP-01 solver"),
        (SolverTypePath(), "ACME solver type"),
    ];

    /// <summary>
    /// The message for <paramref name="value"/>, at <paramref name="path"/> in a <paramref name="kind"/>, which the
    /// operator's schema lacks; <paramref name="siblings"/> are the schema's properties at that level. Issuer types,
    /// providers and solvers are objects, so only an object value is named as one, listed with the object-typed siblings.
    /// </summary>
    public static string UnknownField(string kind, string path, JsonNode? value, JsonObject siblings)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(siblings);
        var plain = IndexPart().Replace(path, "");
        var name = plain[(plain.LastIndexOf('.') + 1)..];
        var what = value is not JsonObject ? null
            : kind is "Issuer" or "ClusterIssuer" && IssuerTypePath().IsMatch(plain) ? "issuer type"
            : Categories.FirstOrDefault(c => c.Where.IsMatch(plain)).What;
        var supported = siblings.Where(p => what is null || p.Value?["type"]?.GetValue<string>() == "object").Select(p => p.Key).Order(StringComparer.Ordinal);
        return $"{what ?? "field"} {name} is not supported by k8s-cert-operator (it has: {string.Join(", ", supported)})";
    }

    /// <summary>The note for a boolean field the operator lacks, set to false: the default, so nothing is lost.</summary>
    public static string UnknownSwitchOff(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return $"field {path[(path.LastIndexOf('.') + 1)..]} is not supported by k8s-cert-operator; it is false (its default), so nothing changes";
    }

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex IndexPart();

    [GeneratedRegex(@"^spec\.[^.]+$")]
    private static partial Regex IssuerTypePath();

    [GeneratedRegex(@"\.dns01\.[^.]+$")]
    private static partial Regex Dns01ProviderPath();

    [GeneratedRegex(@"\.http01\.[^.]+$")]
    private static partial Regex Http01SolverPath();

    [GeneratedRegex(@"\.solvers\.[^.]+$|^spec\.solver\.[^.]+$")]
    private static partial Regex SolverTypePath();
}

using System.Text.RegularExpressions;

namespace K8sCertOperator.Cli.Migration;

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

    /// <summary>The message for a field of a <paramref name="kind"/> at <paramref name="path"/> that the operator's schema lacks.</summary>
    public static string UnknownField(string kind, string path, IEnumerable<string> supported)
    {
        ArgumentNullException.ThrowIfNull(path);
        var plain = IndexPart().Replace(path, "");
        var name = plain[(plain.LastIndexOf('.') + 1)..];
        var what = kind is "Issuer" or "ClusterIssuer" && IssuerTypePath().IsMatch(plain)
            ? "issuer type"
            : Categories.FirstOrDefault(c => c.Where.IsMatch(plain)).What ?? "field";
        return $"{what} {name} is not supported by k8s-cert-operator (it has: {string.Join(", ", supported.Order(StringComparer.Ordinal))})";
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

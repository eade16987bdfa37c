using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.Policies.Schema;

namespace K8sCertOperator.Cli.Migration;

/// <summary>
/// A Certificate is only as supported as its issuer: one whose issuerRef names an Issuer or ClusterIssuer that
/// uses an unsupported issuer type (Vault, Venafi...) is listed too, on spec.issuerRef.
/// </summary>
public static class IssuerReferenceCheck
{
    /// <summary>Findings for Certificates among <paramref name="objects"/> whose issuer has an unsupported issuer type in <paramref name="issuerFindings"/>.</summary>
    public static IEnumerable<MigrationFinding> Find(IEnumerable<JsonObject> objects, IReadOnlyList<MigrationFinding> issuerFindings)
    {
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(issuerFindings);
        // An issuer type is a field directly under spec (spec.vault), the only place an issuer spec has them.
        var unsupported = issuerFindings
            .Where(f => f.Blocks && f.Kind is ApiGroups.IssuerKind or ApiGroups.ClusterIssuerKind && f.Path.Count(c => c == '.') == 1)
            .GroupBy(f => (f.Kind, f.Namespace, f.Name))
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(f => f.Path["spec.".Length..])));
        foreach (var obj in objects.Where(o => o["kind"]?.GetValue<string>() == ApiGroups.CertificateKind))
        {
            var issuerRef = obj["spec"]?["issuerRef"];
            if (issuerRef is null || !ApiGroups.IsIssuerGroup(issuerRef["group"]?.GetValue<string>()))
            {
                continue;
            }
            var ns = obj["metadata"]?["namespace"]?.GetValue<string>();
            var kind = issuerRef["kind"]?.GetValue<string>() is { Length: > 0 } k ? k : ApiGroups.IssuerKind;
            var key = (kind, kind == ApiGroups.ClusterIssuerKind ? null : ns, issuerRef["name"]?.GetValue<string>() ?? "");
            if (unsupported.TryGetValue(key, out var types))
            {
                yield return new MigrationFinding(ApiGroups.CertificateKind, ns, obj["metadata"]?["name"]?.GetValue<string>() ?? "", "spec.issuerRef", FindingSeverity.Unsupported,
                    $"issued by {kind} {key.Item3}, whose issuer type {types} is not supported by k8s-cert-operator");
            }
        }
    }
}

using K8sCertOperator.Policies.Schema;

namespace K8sCertOperator.Cli.Migration;

/// <summary>One thing about one cert-manager object that the operator would not do the same way.</summary>
/// <param name="Kind">Certificate, Issuer, ClusterIssuer, Order or Challenge.</param>
/// <param name="Namespace">Null for cluster-scoped objects.</param>
/// <param name="Path">The field, as a path in the object (<c>spec.vault</c>, <c>spec.acme.solvers[0].dns01.azureDNS</c>).</param>
public sealed record MigrationFinding(string Kind, string? Namespace, string Name, string Path, FindingSeverity Severity, string Message)
{
    /// <summary>Findings of this severity stop the switch.</summary>
    public bool Blocks => Severity == FindingSeverity.Unsupported;
}

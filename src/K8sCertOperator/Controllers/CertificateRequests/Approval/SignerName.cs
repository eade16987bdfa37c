using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.CertificateRequests.Approval;

/// <summary>
/// cert-manager's signer name of a request's issuer: <c>&lt;kind plural&gt;.&lt;group&gt;/&lt;namespace&gt;.&lt;name&gt;</c>
/// for namespaced issuers and <c>&lt;kind plural&gt;.&lt;group&gt;/&lt;name&gt;</c> for ClusterIssuers, e.g.
/// <c>issuers.k8scert.io/team-a.internal-ca</c>. cert-manager.io (our alias) is written as k8scert.io, since we sign
/// both. For an external kind (no discovery round trip) the plural is its lower-cased kind + "s", and it is taken
/// as cluster-scoped when its name contains "Cluster" (AWSPCAClusterIssuer, StepClusterIssuer).
/// </summary>
public static class SignerName
{
    public static string For(ObjectReference issuerRef, string requestNamespace)
    {
        ArgumentNullException.ThrowIfNull(issuerRef);
        var ours = ApiGroups.IsIssuerGroup(issuerRef.Group);
        var group = ours ? ApiGroups.Cert : issuerRef.Group!;
        var kind = issuerRef.EffectiveKind;
        var plural = ours && kind == ApiGroups.IssuerKind ? ApiGroups.IssuerPlural
            : ours && kind == ApiGroups.ClusterIssuerKind ? ApiGroups.ClusterIssuerPlural
            : kind.ToLowerInvariant() + "s";
        var clusterScoped = ours ? kind == ApiGroups.ClusterIssuerKind : kind.Contains("Cluster", StringComparison.Ordinal);
        return clusterScoped ? $"{plural}.{group}/{issuerRef.Name}" : $"{plural}.{group}/{requestNamespace}.{issuerRef.Name}";
    }
}

using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Decides which issuer an annotated object names: issuer (+ issuer-kind/issuer-group), cluster-issuer, or, with the
/// migration flag, kubernetes.io/tls-acme: "true" and the configured default issuer.
/// </summary>
public static class IssuerRefResolver
{
    /// <summary>Outcome: not managed (no issuer annotation), an issuerRef, or a problem.</summary>
    public sealed record Result(bool Managed, ObjectReference? IssuerRef, ShimProblem? Problem);

    public static Result Resolve(ShimAnnotationReader annotations, ShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(options);
        var issuer = annotations.Get(AnnotationKeys.IngressIssuer);
        var clusterIssuer = annotations.Get(AnnotationKeys.IngressClusterIssuer);
        var kind = annotations.Get(AnnotationKeys.IngressIssuerKind);
        var group = annotations.Get(AnnotationKeys.IngressIssuerGroup);

        if (issuer is null && clusterIssuer is null)
        {
            var tlsAcme = options.CertManagerAnnotations
                && string.Equals(annotations.Raw(AnnotationKeys.IngressTlsAcme), "true", StringComparison.OrdinalIgnoreCase);
            if (!tlsAcme)
            {
                return new Result(false, null, null);
            }

            return options.DefaultIssuerName is null
                ? Bad(ShimProblem.NoDefaultIssuer, $"{AnnotationKeys.IngressTlsAcme} is \"true\" but no default issuer is configured (--default-issuer-name)")
                : Checked(options.DefaultIssuerName, options.DefaultIssuerKind, options.DefaultIssuerGroup ?? options.IssuerGroup, "--default-issuer-kind", "--default-issuer-group");
        }

        if (issuer is not null && clusterIssuer is not null)
        {
            return Bad(ShimProblem.BadConfig,
                $"both {annotations.SourceKey(AnnotationKeys.IngressIssuer)} and {annotations.SourceKey(AnnotationKeys.IngressClusterIssuer)} are set; use only one");
        }

        if (clusterIssuer is not null)
        {
            if (kind is not null && kind != ApiGroups.ClusterIssuerKind)
            {
                return Bad(ShimProblem.BadConfig,
                    $"{annotations.SourceKey(AnnotationKeys.IngressIssuerKind)} \"{kind}\" cannot be combined with {annotations.SourceKey(AnnotationKeys.IngressClusterIssuer)}");
            }

            return Checked(clusterIssuer, ApiGroups.ClusterIssuerKind, group ?? options.IssuerGroup, annotations.SourceKey(AnnotationKeys.IngressIssuerKind), annotations.SourceKey(AnnotationKeys.IngressIssuerGroup));
        }

        return Checked(issuer!, kind ?? ApiGroups.IssuerKind, group ?? options.IssuerGroup, annotations.SourceKey(AnnotationKeys.IngressIssuerKind), annotations.SourceKey(AnnotationKeys.IngressIssuerGroup));
    }

    private static Result Checked(string name, string kind, string? group, string kindSource, string groupSource)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Bad(ShimProblem.BadConfig, "the issuer name annotation is empty");
        }

        // Only our own issuer kinds exist here; an out-of-tree kind would never be signed.
        if (kind != ApiGroups.IssuerKind && kind != ApiGroups.ClusterIssuerKind)
        {
            return Bad(ShimProblem.BadConfig, $"{kindSource} \"{kind}\" is not a known issuer kind (Issuer or ClusterIssuer)");
        }

        if (!ApiGroups.IsIssuerGroup(group))
        {
            return Bad(ShimProblem.BadConfig, $"{groupSource} \"{group}\" is not a known issuer group ({ApiGroups.Cert} or {ApiGroups.CertManager})");
        }

        return new Result(true, new ObjectReference { Name = name.Trim(), Kind = kind, Group = string.IsNullOrEmpty(group) ? ApiGroups.Cert : group }, null);
    }

    private static Result Bad(string reason, string message) => new(true, null, new ShimProblem(reason, message));
}

using K8sCertOperator.Api;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>The operator settings the Ingress-to-Certificate mapping depends on. Immutable.</summary>
public sealed record IngressShimOptions
{
    /// <summary>Also read cert-manager.io/* annotations and kubernetes.io/tls-acme.</summary>
    public bool CertManagerAnnotations { get; init; }

    /// <summary>Issuer for kubernetes.io/tls-acme: "true"; null when none is configured.</summary>
    public string? DefaultIssuerName { get; init; }

    public string DefaultIssuerKind { get; init; } = ApiGroups.IssuerKind;

    public string? DefaultIssuerGroup { get; init; }

    public static IngressShimOptions From(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new IngressShimOptions
        {
            CertManagerAnnotations = options.CertManagerAnnotations,
            DefaultIssuerName = string.IsNullOrWhiteSpace(options.DefaultIssuerName) ? null : options.DefaultIssuerName,
            DefaultIssuerKind = string.IsNullOrWhiteSpace(options.DefaultIssuerKind) ? ApiGroups.IssuerKind : options.DefaultIssuerKind,
            DefaultIssuerGroup = string.IsNullOrWhiteSpace(options.DefaultIssuerGroup) ? null : options.DefaultIssuerGroup,
        };
    }
}

using K8sCertOperator.Api;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>The operator settings the shims' object-to-Certificate mappings depend on. Immutable.</summary>
public sealed record ShimOptions
{
    /// <summary>Also read cert-manager.io/* annotations and kubernetes.io/tls-acme.</summary>
    public bool CertManagerAnnotations { get; init; }

    /// <summary>Issuer for kubernetes.io/tls-acme: "true"; null when none is configured.</summary>
    public string? DefaultIssuerName { get; init; }

    public string DefaultIssuerKind { get; init; } = ApiGroups.IssuerKind;

    public string? DefaultIssuerGroup { get; init; }

    /// <summary>Group written in issuerRef when the annotations name none: the served API's (cert-manager.io in that mode).</summary>
    public string IssuerGroup { get; init; } = ApiGroups.Cert;

    public static ShimOptions From(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ShimOptions
        {
            // In cert-manager mode its annotations are the native ones, kubernetes.io/tls-acme included.
            CertManagerAnnotations = options.CertManagerAnnotations || !options.ApiMode.IsNative,
            IssuerGroup = options.ApiMode.CertGroup,
            DefaultIssuerName = string.IsNullOrWhiteSpace(options.DefaultIssuerName) ? null : options.DefaultIssuerName,
            DefaultIssuerKind = string.IsNullOrWhiteSpace(options.DefaultIssuerKind) ? ApiGroups.IssuerKind : options.DefaultIssuerKind,
            DefaultIssuerGroup = string.IsNullOrWhiteSpace(options.DefaultIssuerGroup) ? null : options.DefaultIssuerGroup,
        };
    }
}

using K8sCertOperator.Api;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>The operator settings the shims' object-to-Certificate mappings depend on. Immutable.</summary>
public sealed record ShimOptions
{
    /// <summary>Also read cert-manager.io/* annotations and kubernetes.io/tls-acme.</summary>
    public bool CertManagerAnnotations { get; init; }

    /// <summary>
    /// The served API. In cert-manager's, the shims read cert-manager's annotation keys only (annotated objects are
    /// read as they are on the wire), and the Certificates they create carry what cert-manager's shims put on them:
    /// the owner's labels and explicit default usages.
    /// </summary>
    public ApiFlavor Flavor { get; init; } = ApiFlavor.K8sCert;

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
            Flavor = options.ApiMode,
            DefaultIssuerName = string.IsNullOrWhiteSpace(options.DefaultIssuerName) ? null : options.DefaultIssuerName,
            DefaultIssuerKind = string.IsNullOrWhiteSpace(options.DefaultIssuerKind) ? ApiGroups.IssuerKind : options.DefaultIssuerKind,
            DefaultIssuerGroup = string.IsNullOrWhiteSpace(options.DefaultIssuerGroup) ? null : options.DefaultIssuerGroup,
        };
    }

    /// <summary>Usages when no usages annotation names any: cert-manager's shims write its defaults; ours leave the field out.</summary>
    public IReadOnlyList<string>? DefaultUsages => Flavor.IsNative ? null : KeyUsages.Default;
}

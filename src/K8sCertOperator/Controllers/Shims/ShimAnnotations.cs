using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>Annotation keys the shims write on the Certificates they create, and the cert-manager spelling of our keys.</summary>
public static class ShimAnnotations
{
    private const string OurAcmePrefix = ApiGroups.Acme + "/";

    /// <summary>
    /// On a Certificate: ingress class the HTTP-01 solver Ingress should use (from the Ingress's
    /// acme.k8scert.io/http01-ingress-class), as cert-manager's http01-override-ingress-class.
    /// </summary>
    public const string Http01OverrideIngressClass = OurAcmePrefix + "http01-override-ingress-class";

    /// <summary>Every Certificate annotation the shims own: set when wanted, removed when not.</summary>
    public static IReadOnlyList<string> Managed { get; } = [Http01OverrideIngressClass, AnnotationKeys.AcmeProfile];

    /// <summary>The cert-manager spelling of one of our shim annotation keys (k8scert.io/x -> cert-manager.io/x).</summary>
    public static string CertManagerKey(string ourKey)
    {
        ArgumentNullException.ThrowIfNull(ourKey);
        return ApiFlavor.CertManager.ToWireKey(ourKey);
    }
}

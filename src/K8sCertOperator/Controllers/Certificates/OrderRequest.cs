using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// What the Order for one revision must ask for: derived from the Certificate spec and the public half of the
/// next private key. Its <see cref="Hash"/> is part of the CertificateRequest and Order names, so a spec or key change
/// yields a new name.
/// </summary>
public sealed record OrderRequest(
    string CertificateName,
    int Revision,
    ObjectReference IssuerRef,
    string? CommonName,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> IpAddresses,
    string? Duration,
    byte[] PublicKeySpki,
    int Attempt = 0,
    string Shape = "")
{
    /// <summary>
    /// <paramref name="attempt"/> is status.failedIssuanceAttempts: a retry after a failed Order gets a new name,
    /// so the failed one is replaced instead of being counted again.
    /// </summary>
    public static OrderRequest For(Certificate certificate, int revision, byte[] publicKeySpki, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var spec = certificate.Spec;
        return new OrderRequest(
            certificate.Metadata.Name,
            revision,
            spec.IssuerRef,
            string.IsNullOrEmpty(spec.CommonName) ? null : spec.CommonName,
            spec.DnsNames?.ToList() ?? [],
            spec.IpAddresses?.ToList() ?? [],
            string.IsNullOrEmpty(spec.Duration) ? null : spec.Duration,
            publicKeySpki,
            attempt,
            CsrShape.Of(spec));
    }

    public string Hash => OrderNaming.RequestHash(this);

    public string OrderName => OrderNaming.Name(CertificateName, Revision, Hash);
}

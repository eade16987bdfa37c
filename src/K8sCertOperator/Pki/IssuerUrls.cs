namespace K8sCertOperator.Pki;

/// <summary>
/// URLs an issuer writes into every certificate it signs: CRL distribution points, OCSP responders and the
/// location of the issuing CA certificate (AIA caIssuers).
/// </summary>
public sealed record IssuerUrls
{
    public static IssuerUrls None { get; } = new();

    public IReadOnlyList<string> CrlDistributionPoints { get; init; } = [];
    public IReadOnlyList<string> OcspServers { get; init; } = [];
    public IReadOnlyList<string> IssuingCertificateUrls { get; init; } = [];

    public bool IsEmpty => CrlDistributionPoints.Count + OcspServers.Count + IssuingCertificateUrls.Count == 0;
}

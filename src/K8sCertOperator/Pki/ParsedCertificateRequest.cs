using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>A PKCS#10 request whose signature has been verified, with the fields an issuer needs.</summary>
public sealed record ParsedCertificateRequest(
    X500DistinguishedName Subject,
    string? CommonName,
    PublicKey PublicKey,
    SubjectAltNames SubjectAltNames,
    IReadOnlyList<X509Extension> RequestedExtensions)
{
    /// <summary>OID of the algorithm the CSR is signed with (its outer signatureAlgorithm).</summary>
    public string? SignatureAlgorithmOid { get; init; }
}

using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// The signatureAlgorithm a CSR asks for by how it is signed. Only a choice other than its key's default counts as a
/// request (a CSR from openssl or Go is signed with the default, and then the signer's key decides, as in cert-manager).
/// </summary>
public static class CsrSignatureAlgorithm
{
    /// <summary>The cert-manager name, or null when the CSR uses its key's default or an algorithm without a name.</summary>
    public static string? Requested(ParsedCertificateRequest csr)
    {
        ArgumentNullException.ThrowIfNull(csr);
        var name = csr.SignatureAlgorithmOid switch
        {
            "1.2.840.113549.1.1.11" => SignatureAlgorithms.Sha256WithRsa,
            "1.2.840.113549.1.1.12" => SignatureAlgorithms.Sha384WithRsa,
            "1.2.840.113549.1.1.13" => SignatureAlgorithms.Sha512WithRsa,
            "1.2.840.10045.4.3.2" => SignatureAlgorithms.EcdsaWithSha256,
            "1.2.840.10045.4.3.3" => SignatureAlgorithms.EcdsaWithSha384,
            "1.2.840.10045.4.3.4" => SignatureAlgorithms.EcdsaWithSha512,
            _ => null,
        };
        return name is null || name == DefaultFor(csr.PublicKey) ? null : name;
    }

    /// <summary>The name of the algorithm a key of this kind signs with by default; null for keys without one.</summary>
    public static string? DefaultFor(PublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.GetRSAPublicKey() is { } rsa)
        {
            rsa.Dispose();
            return SignatureAlgorithms.Sha256WithRsa;
        }

        using var ec = key.GetECDsaPublicKey();
        return ec?.KeySize switch
        {
            null => null,
            384 => SignatureAlgorithms.EcdsaWithSha384,
            521 => SignatureAlgorithms.EcdsaWithSha512,
            _ => SignatureAlgorithms.EcdsaWithSha256,
        };
    }
}

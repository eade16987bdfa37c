using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// Pure check of an issued PEM chain before it goes into a Secret: it parses, and its leaf (the first certificate) is
/// for the expected public key. Used for what an ACME server or an issuer returns for a Certificate's next private key,
/// and for what an external issuer writes for a CSR.
/// </summary>
public static class LeafKeyCheck
{
    /// <summary>The problem when the leaf is for another key.</summary>
    public const string OtherKey = "the leaf certificate is not for the requested public key";

    /// <summary>Null when <paramref name="chainPem"/> parses and its leaf is for <paramref name="expected"/>, else the problem.</summary>
    public static string? Problem(string? chainPem, PublicKey expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        CertificateInfo leaf;
        try
        {
            leaf = CertificateInfo.FromPem(chainPem);
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            return "the certificate chain does not parse: " + e.Message;
        }

        return PublicKeyMatch.Same(PublicKey.CreateFromSubjectPublicKeyInfo(leaf.SubjectPublicKeyInfo, out _), expected) ? null : OtherKey;
    }
}

using System.Buffers.Text;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Acme;

/// <summary>The ARI certificate identifier (RFC 9773 §4.1): base64url(AKI keyIdentifier) "." base64url(serial).</summary>
public static class RenewalCertId
{
    public static string Compute(X509Certificate2 certificate)
    {
        var aki = certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()
            ?? throw new ArgumentException("the certificate has no Authority Key Identifier extension", nameof(certificate));
        if (aki.KeyIdentifier is not { } keyIdentifier)
        {
            throw new ArgumentException("the certificate's Authority Key Identifier has no keyIdentifier", nameof(certificate));
        }
        // SerialNumberBytes is big-endian with the DER sign octet kept, which is what ARI wants.
        return Compute(keyIdentifier.Span, certificate.SerialNumberBytes.Span);
    }

    public static string Compute(ReadOnlySpan<byte> authorityKeyIdentifier, ReadOnlySpan<byte> serialDerBytes) =>
        Base64Url.EncodeToString(authorityKeyIdentifier) + "." + Base64Url.EncodeToString(serialDerBytes);
}

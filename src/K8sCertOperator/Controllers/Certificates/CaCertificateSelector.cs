using K8sCertOperator.Api;
using System.Security.Cryptography;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>What goes into ca.crt of the issued Secret.</summary>
public static class CaCertificateSelector
{
    /// <summary>
    /// SelfSigned: the certificate itself; CA: the signer's top-most CA certificate (given as
    /// <paramref name="signerCaPem"/>); ACME: chains do not carry the root, so like cert-manager the last
    /// certificate of the downloaded chain, or nothing when the chain is only the leaf.
    /// </summary>
    public static string? Select(IssuerType issuerType, string chainPem, string? signerCaPem)
    {
        ArgumentNullException.ThrowIfNull(chainPem);
        if (issuerType is IssuerType.SelfSigned or IssuerType.Ca)
        {
            return string.IsNullOrEmpty(signerCaPem) ? null : signerCaPem;
        }

        try
        {
            // The chain itself is loaded and checked where it is stored (LeafKeyCheck); here only its blocks are needed.
            var chain = PemCodec.DecodeCertificateDers(chainPem);
            return chain.Count > 1 ? PemCodec.EncodeCertificate(chain[^1]) : null;
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}

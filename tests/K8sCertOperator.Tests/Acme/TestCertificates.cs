using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Tests.Acme;

/// <summary>Small BCL-made certificates for Acme unit tests.</summary>
internal static class TestCertificates
{
    /// <summary>A leaf with the given AKI keyIdentifier and serial, signed by a throw-away issuer.</summary>
    public static X509Certificate2 WithAkiAndSerial(byte[] keyIdentifier, byte[] serial)
    {
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuerRequest = new CertificateRequest("CN=Issuer", issuerKey, HashAlgorithmName.SHA256);
        issuerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var issuer = issuerRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=leaf", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(keyIdentifier));
        return leafRequest.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), serial);
    }
}

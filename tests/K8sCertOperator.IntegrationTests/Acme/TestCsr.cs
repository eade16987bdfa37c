using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>Builds CSRs with the BCL CertificateRequest for tests (production CSRs come from Pki/).</summary>
internal static class TestCsr
{
    /// <summary>A DER CSR carrying every identifier as a SAN; the returned key is the caller's to dispose.</summary>
    public static byte[] Create(IReadOnlyList<AcmeIdentifier> identifiers, AsymmetricAlgorithm key)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var identifier in identifiers)
        {
            if (identifier.Type == AcmeIdentifier.IpType)
            {
                names.AddIpAddress(IPAddress.Parse(identifier.Value));
            }
            else
            {
                names.AddDnsName(identifier.Value);
            }
        }
        // CN is legacy; the first DNS name keeps it short (<= 64) and inside the SANs, as CAs require.
        var commonName = identifiers.FirstOrDefault(i => i.Type == AcmeIdentifier.DnsType)?.Value;
        var subject = new X500DistinguishedName(commonName is null ? string.Empty : "CN=" + commonName);
        var request = key switch
        {
            ECDsa ecdsa => new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new NotSupportedException(key.GetType().Name),
        };
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSigningRequest();
    }

    public static IReadOnlyList<AcmeIdentifier> Dns(params string[] names) => names.Select(AcmeIdentifier.Parse).ToList();

    /// <summary>Unique names per test so parallel tests and authz reuse never interfere.</summary>
    public static string UniqueName(string label) => $"{label}-{Guid.NewGuid().ToString("N")[..10]}.example.com";
}

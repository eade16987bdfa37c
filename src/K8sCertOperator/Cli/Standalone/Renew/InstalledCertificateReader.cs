using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>
/// Reads tls.crt and tls.key from certify's output folder. Anything wrong with them (missing, not PEM, a key that
/// is not the certificate's) is reported as a problem rather than thrown: for renew it only means "due".
/// </summary>
public static class InstalledCertificateReader
{
    /// <summary>The installed certificate and its leaf (the caller disposes it), or null and why not.</summary>
    public static (InstalledCertificate? Certificate, X509Certificate2? Leaf, string? Problem) Read(string outputDirectory)
    {
        var certificatePath = Path.Combine(outputDirectory, CertificateFiles.Certificate);
        var keyPath = Path.Combine(outputDirectory, CertificateFiles.Key);
        if (!File.Exists(certificatePath))
        {
            return (null, null, $"no certificate at {certificatePath} yet");
        }
        IReadOnlyList<X509Certificate2> chain;
        try
        {
            chain = PemCodec.DecodeCertificates(File.ReadAllText(certificatePath));
        }
        catch (Exception e) when (e is PkiException or IOException or UnauthorizedAccessException or CryptographicException)
        {
            return (null, null, $"{certificatePath} is unreadable: {e.Message}");
        }
        var leaf = chain[0];
        foreach (var other in chain.Skip(1))
        {
            other.Dispose();
        }
        if (KeyProblem(keyPath, leaf) is { } problem)
        {
            leaf.Dispose();
            return (null, null, problem);
        }
        var info = CertificateInfo.FromCertificate(leaf);
        var names = info.SubjectAltNames.DnsNames.Concat(info.SubjectAltNames.IpAddresses).ToList();
        return (new InstalledCertificate(info.SerialNumberHex, info.NotBefore, info.NotAfter, names), leaf, null);
    }

    private static string? KeyProblem(string keyPath, X509Certificate2 leaf)
    {
        if (!File.Exists(keyPath))
        {
            return $"{keyPath} is missing";
        }
        try
        {
            using var key = PemCodec.DecodePrivateKey(File.ReadAllText(keyPath));
            return key.PublicKeyMatches(leaf) ? null : $"{keyPath} is not the key of the certificate";
        }
        catch (Exception e) when (e is PkiException or IOException or UnauthorizedAccessException or CryptographicException)
        {
            // The message names the file and the PEM problem, never key material.
            return $"{keyPath} is unreadable: {e.Message}";
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Cli.Standalone.Renew;

namespace K8sCertOperator.Tests.Cli.Standalone.Renew;

/// <summary>What renew makes of the files in --out: a usable certificate, or a problem that makes it due.</summary>
public sealed class InstalledCertificateReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("installed-").FullName;

    [Fact]
    public void A_matching_certificate_and_key_are_read()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key, "a.example.com", "10.0.0.1");
        Write(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());

        var (installed, leaf, problem) = InstalledCertificateReader.Read(_directory);
        using (leaf)
        {
            Assert.Null(problem);
            Assert.NotNull(installed);
            Assert.Equal(certificate.SerialNumber, installed.SerialHex);
            Assert.Equal(["a.example.com", "10.0.0.1"], installed.Names);
            Assert.Equal(certificate.NotAfter.ToUniversalTime(), installed.NotAfter.UtcDateTime);
            Assert.Equal(certificate.Thumbprint, leaf!.Thumbprint);
        }
    }

    [Fact]
    public void No_files_is_a_problem_not_an_error()
    {
        var (installed, leaf, problem) = InstalledCertificateReader.Read(Path.Combine(_directory, "absent"));

        Assert.Null(installed);
        Assert.Null(leaf);
        Assert.Contains("no certificate at", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_torn_certificate_is_unreadable()
    {
        Write("-----BEGIN CERTIFICATE-----\nMIIB", "irrelevant");

        var (installed, _, problem) = InstalledCertificateReader.Read(_directory);

        Assert.Null(installed);
        Assert.Contains("tls.crt is unreadable", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_the_certificates_is_a_problem_without_key_material()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key, "a.example.com");
        var otherPem = other.ExportPkcs8PrivateKeyPem();
        Write(certificate.ExportCertificatePem(), otherPem);

        var (installed, _, problem) = InstalledCertificateReader.Read(_directory);

        Assert.Null(installed);
        Assert.Contains("tls.key is not the key of the certificate", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(otherPem.Split('\n')[1], problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_a_problem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = SelfSigned(key, "a.example.com");
        File.WriteAllText(Path.Combine(_directory, "tls.crt"), certificate.ExportCertificatePem());

        var (_, _, problem) = InstalledCertificateReader.Read(_directory);

        Assert.Contains("tls.key is missing", problem, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string certificatePem, string keyPem)
    {
        File.WriteAllText(Path.Combine(_directory, "tls.crt"), certificatePem);
        File.WriteAllText(Path.Combine(_directory, "tls.key"), keyPem);
    }

    private static X509Certificate2 SelfSigned(ECDsa key, string dnsName, string? ip = null)
    {
        var request = new CertificateRequest("CN=" + dnsName, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        if (ip is not null)
        {
            san.AddIpAddress(System.Net.IPAddress.Parse(ip));
        }
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(89));
    }
}

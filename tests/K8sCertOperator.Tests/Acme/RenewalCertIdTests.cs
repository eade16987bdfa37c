using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme;

namespace K8sCertOperator.Tests.Acme;

/// <summary>ARI CertID (RFC 9773 §4.1) from the RFC example and BCL certificates.</summary>
public class RenewalCertIdTests
{
    // The example certificate of RFC 9773 Appendix A (AKI 69:88:5B:…, serial 0x87654321).
    private const string Rfc9773Example = """
        -----BEGIN CERTIFICATE-----
        MIIBQzCB66ADAgECAgUAh2VDITAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwpFeGFt
        cGxlIENBMCIYDzAwMDEwMTAxMDAwMDAwWhgPMDAwMTAxMDEwMDAwMDBaMBYxFDAS
        BgNVBAMTC2V4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEeBZu
        7cbpAYNXZLbbh8rNIzuOoqOOtmxA1v7cRm//AwyMwWxyHz4zfwmBhcSrf47NUAFf
        qzLQ2PPQxdTXREYEnKMjMCEwHwYDVR0jBBgwFoAUaYhba4dGQEHhs3uEe6CuLN4B
        yNQwCgYIKoZIzj0EAwIDRwAwRAIge09+S5TZAlw5tgtiVvuERV6cT4mfutXIlwTb
        +FYN/8oCIClDsqBklhB9KAelFiYt9+6FDj3z4KGVelYM5MdsO3pK
        -----END CERTIFICATE-----
        """;

    [Fact]
    public void Rfc9773_example_certificate_gives_the_rfc_cert_id()
    {
        var fields = PemEncoding.Find(Rfc9773Example);
        var der = Convert.FromBase64String(Rfc9773Example[fields.Base64Data]);

        Assert.Equal("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", RenewalCertId.FromDer(der));
    }

    [Fact]
    public void Rfc9773_example_values_encode_to_the_rfc_cert_id()
    {
        var aki = Convert.FromHexString("69885B6B87464041E1B37B847BA0AE2CDE01C8D4");
        byte[] serial = [0x00, 0x87, 0x65, 0x43, 0x21];

        Assert.Equal("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", RenewalCertId.Compute(aki, serial));
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0x02, 0x03 }, "AQID")]
    [InlineData(new byte[] { 0x00, 0x80, 0x01 }, "AIAB")] // sign octet kept: the serial is positive
    public void Bcl_certificate_with_explicit_aki_and_serial(byte[] serial, string expectedSerialPart)
    {
        var keyIdentifier = Convert.FromHexString("0102030405060708090A0B0C0D0E0F1011121314");
        using var leaf = TestCertificates.WithAkiAndSerial(keyIdentifier, serial);

        Assert.Equal("AQIDBAUGBwgJCgsMDQ4PEBESExQ." + expectedSerialPart, RenewalCertId.Compute(leaf));
    }

    [Fact]
    public void A_certificate_without_aki_is_rejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var selfSigned = new CertificateRequest("CN=x", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        Assert.Throws<ArgumentException>(() => RenewalCertId.Compute(selfSigned));
        Assert.Throws<ArgumentException>(() => RenewalCertId.FromDer(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 }));
    }
}

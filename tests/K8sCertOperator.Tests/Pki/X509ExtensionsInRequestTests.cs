using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

/// <summary>otherNames, name constraints and encodeUsagesInRequest as they reach a CSR.</summary>
public class X509ExtensionsInRequestTests
{
    [Fact]
    public void OtherNameIsAUtf8StringInTheSan()
    {
        var template = new CertificateTemplate { OtherNames = [new OtherName("1.3.6.1.4.1.311.20.2.3", "a@b")] };
        var san = SubjectAltNameCodec.Encode(template, critical: false)!;
        Assert.Equal("3015A013060A2B060104018237140203A0050C03614062", Convert.ToHexString(san.RawData));
        Assert.Equal([new OtherName("1.3.6.1.4.1.311.20.2.3", "a@b")], SubjectAltNameCodec.Decode(san.RawData).OtherNames);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void UsagesFollowEncodeUsagesInRequest(bool encode, bool expectUsages)
    {
        using var key = CertificateKey.FromEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var template = new CertificateTemplate { CommonName = "u", DnsNames = ["u.example"], Usages = ["digital signature", "server auth"], EncodeUsagesInRequest = encode };
        var csr = CertificateRequest.LoadSigningRequest(CsrBuilder.BuildDer(key, template), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Equal(expectUsages, csr.CertificateExtensions.Any(e => e.Oid!.Value == "2.5.29.15"));
        Assert.Equal(expectUsages, csr.CertificateExtensions.Any(e => e.Oid!.Value == "2.5.29.37"));
        Assert.Contains(csr.CertificateExtensions, e => e.Oid!.Value == "2.5.29.17");
    }

    [Fact]
    public void CaRequestCarriesNameConstraintsAndTheRequestedSignature()
    {
        using var key = CertificateKey.FromEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var template = new CertificateTemplate
        {
            LiteralSubject = "CN=Corp CA,O=Corp",
            IsCA = true,
            NameConstraints = new NameConstraints { Critical = true, Permitted = new NameConstraintSubtrees { DnsDomains = ["corp.example"] } },
            SignatureAlgorithm = "ECDSAWithSHA384",
        };
        var der = CsrBuilder.BuildDer(key, template);
        var csr = CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA384, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var constraints = Assert.Single(csr.CertificateExtensions, e => e.Oid!.Value == "2.5.29.30");
        Assert.True(constraints.Critical);
        Assert.Equal(["corp.example"], NameConstraintsCodec.Decode(constraints.RawData, true).Permitted.DnsDomains);
        Assert.Equal("O=Corp, CN=Corp CA", csr.SubjectName.Decode(X500DistinguishedNameFlags.UseCommas | X500DistinguishedNameFlags.DoNotUsePlusSign));
        Assert.Contains("2A8648CE3D040303", Convert.ToHexString(der), StringComparison.Ordinal); // ecdsa-with-SHA384
    }
}

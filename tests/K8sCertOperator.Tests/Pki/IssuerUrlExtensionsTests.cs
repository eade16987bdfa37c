using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class IssuerUrlExtensionsTests
{
    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "http://c/x.crl" }, "30163014A012A010860E687474703A2F2F632F782E63726C")]
    [InlineData(new[] { "http://a", "http://b" }, "3020300EA00CA00A860868747470")]
    public void CrlDistributionPointsAreOnePointPerUrl(string[] urls, string expectedPrefix)
    {
        var extensions = IssuerUrlExtensions.Build(new IssuerUrls { CrlDistributionPoints = urls });
        if (urls.Length == 0)
        {
            Assert.Empty(extensions);
            return;
        }

        var crl = Assert.Single(extensions);
        Assert.Equal("2.5.29.31", crl.Oid!.Value);
        Assert.False(crl.Critical);
        Assert.StartsWith(expectedPrefix, Convert.ToHexString(crl.RawData), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string[]> AccessLocations => new()
    {
        { ["http://ocsp.example"], [] },
        { [], ["http://ca.example/ca.crt"] },
        { ["http://o1", "http://o2"], ["http://i1"] },
    };

    [Theory]
    [MemberData(nameof(AccessLocations))]
    public void AuthorityInformationAccessListsOcspAndCaIssuers(string[] ocsp, string[] caIssuers)
    {
        var extension = Assert.Single(IssuerUrlExtensions.Build(new IssuerUrls { OcspServers = ocsp, IssuingCertificateUrls = caIssuers }));
        var aia = new X509AuthorityInformationAccessExtension(extension.RawData, extension.Critical);
        Assert.Equal(ocsp, aia.EnumerateOcspUris().ToArray());
        Assert.Equal(caIssuers, aia.EnumerateCAIssuersUris().ToArray());
        Assert.False(aia.Critical);
    }
}

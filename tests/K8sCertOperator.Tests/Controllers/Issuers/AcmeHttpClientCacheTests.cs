using System.Text;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Tests.Pki;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>One HttpClient per distinct TLS configuration.</summary>
public class AcmeHttpClientCacheTests
{
    [Fact]
    public void Same_configuration_shares_a_client_and_different_ones_do_not()
    {
        using var cache = new AcmeHttpClientCache();
        var bundle = Encoding.UTF8.GetBytes(TestPki.RootCa().CertPem);

        var system = cache.Get(null, false);
        var systemAgain = cache.Get([], false);
        var ca = cache.Get(bundle, false);
        var caAgain = cache.Get((byte[])bundle.Clone(), false);
        var insecure = cache.Get(bundle, true);

        Assert.Same(system, systemAgain);
        Assert.Same(ca, caAgain);
        Assert.NotSame(system, ca);
        Assert.NotSame(ca, insecure);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void A_bundle_without_certificates_is_rejected_and_not_cached()
    {
        using var cache = new AcmeHttpClientCache();

        Assert.ThrowsAny<ArgumentException>(() => cache.Get(Encoding.UTF8.GetBytes("not pem"), false));
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [InlineData(null, false, "system")]
    [InlineData(null, true, "insecure")]
    [InlineData("x", true, "insecure")]
    public void KeyOf(string? bundle, bool skip, string expected) =>
        Assert.Equal(expected, AcmeHttpClientCache.KeyOf(bundle is null ? null : Encoding.UTF8.GetBytes(bundle), skip));
}

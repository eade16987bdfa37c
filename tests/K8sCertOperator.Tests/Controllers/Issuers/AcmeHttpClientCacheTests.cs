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

    [Fact]
    public void Distinct_bundles_beyond_the_capacity_evict_the_least_recently_used()
    {
        using var cache = new AcmeHttpClientCache(capacity: 3);
        var bundles = Enumerable.Range(0, 6).Select(i => Encoding.UTF8.GetBytes(TestPki.RootCa($"Root {i}").CertPem)).ToList();

        var first = cache.Get(bundles[0], false);
        cache.Get(bundles[1], false);
        cache.Get(bundles[2], false);
        Assert.Same(first, cache.Get(bundles[0], false)); // used again: now the most recent
        cache.Get(bundles[3], false); // evicts bundle 1, the least recently used
        Assert.Same(first, cache.Get(bundles[0], false));
        cache.Get(bundles[4], false);
        cache.Get(bundles[5], false);
        cache.Get(bundles[1], false);

        Assert.Equal(3, cache.Count);
        Assert.NotSame(first, cache.Get(bundles[0], false));
    }

    [Fact]
    public void A_guarded_client_is_not_shared_with_an_unguarded_one()
    {
        using var cache = new AcmeHttpClientCache();

        Assert.NotSame(cache.Get(null, false), cache.Get(null, false, guarded: true));
        Assert.Same(cache.Get(null, false, guarded: true), cache.Get(null, false, guarded: true));
    }

    [Theory]
    [InlineData(null, false, "system")]
    [InlineData(null, true, "insecure")]
    [InlineData("x", true, "insecure")]
    public void KeyOf(string? bundle, bool skip, string expected) =>
        Assert.Equal(expected, AcmeHttpClientCache.KeyOf(bundle is null ? null : Encoding.UTF8.GetBytes(bundle), skip));
}

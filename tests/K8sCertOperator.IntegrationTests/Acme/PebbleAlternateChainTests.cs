using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>preferredChain picks among Pebble's default and alternate chains by the top issuer's CN.</summary>
public sealed class PebbleAlternateChainTests(PebbleAlternateChainTests.TwoRootPebble pebble) : IClassFixture<PebbleAlternateChainTests.TwoRootPebble>
{
    /// <summary>Pebble with PEBBLE_ALTERNATE_ROOTS=1: every certificate has a second chain.</summary>
    public sealed class TwoRootPebble() : PebbleFixture(new PebbleOptions { AlternateRoots = 1 });

    [SkippableTheory]
    [InlineData(null, 0)]
    [InlineData("root0", 0)]
    [InlineData("root1", 1)]
    [InlineData("No Such Root CA", 0)]
    public async Task Preferred_chain_selects_the_chain_leading_to_that_root(string? preference, int expectedRoot)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var roots = new[] { await pebble.GetRootAsync(0, cts.Token), await pebble.GetRootAsync(1, cts.Token) };
        var rootNames = roots.Select(r => r.GetNameInfo(X509NameType.SimpleName, false)).ToArray();
        Assert.NotEqual(rootNames[0], rootNames[1]);
        var preferredChain = preference switch
        {
            "root0" => rootNames[0],
            "root1" => rootNames[1],
            _ => preference,
        };
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        await client.NewAccountAsync([], true, null, cts.Token);
        var identifiers = TestCsr.Dns(TestCsr.UniqueName("chain"));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await new AcmeIssuance(client, pebble.CreateResponder(AcmeChallenge.Http01)).IssueAsync(
            new AcmeIssuanceRequest
            {
                Identifiers = identifiers,
                CsrDer = TestCsr.Create(identifiers, leafKey),
                PreferredChain = preferredChain,
            }, cts.Token);

        Assert.Equal(rootNames[expectedRoot], result.Certificate.TopIssuerCommonName);
        ChainAssert.VerifiesTo(result.Certificate, roots[expectedRoot]);
    }
}

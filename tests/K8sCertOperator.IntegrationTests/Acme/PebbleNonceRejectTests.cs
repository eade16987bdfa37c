using System.Security.Cryptography;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>Issuance still succeeds when Pebble rejects half of all good nonces.</summary>
public sealed class PebbleNonceRejectTests(PebbleNonceRejectTests.NoisyPebble pebble) : IClassFixture<PebbleNonceRejectTests.NoisyPebble>
{
    /// <summary>Pebble with PEBBLE_WFE_NONCEREJECT=50.</summary>
    public sealed class NoisyPebble() : PebbleFixture(new PebbleOptions { NonceRejectPercent = 50 });

    [SkippableFact]
    public async Task Issuance_succeeds_with_half_the_nonces_rejected()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        // With 50% rejection, 6 attempts fail a request with p = 1/64 — over ~15 requests that would be a
        // flaky test, so this client allows 20 re-sends (p ≈ 5e-7 per request). Production keeps 5.
        var options = new AcmeClientOptions { Http = new AcmeHttpOptions { MaxBadNonceRetries = 20 } };
        var client = new AcmeClient(http, pebble.DirectoryUrl, key, options: options);
        await client.NewAccountAsync([], true, null, cts.Token);
        var identifiers = TestCsr.Dns(TestCsr.UniqueName("nonce"), TestCsr.UniqueName("nonce"));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await new AcmeIssuance(client, pebble.CreateResponder(AcmeChallenge.Http01)).IssueAsync(
            new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(identifiers, leafKey) }, cts.Token);

        Assert.Equal(AcmeStatus.Valid, result.Order.Status);
        ChainAssert.VerifiesTo(result.Certificate, await pebble.GetRootAsync(0, cts.Token));
    }

    [SkippableFact]
    public async Task Without_retries_a_rejected_nonce_surfaces_as_typed_bad_nonce()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var options = new AcmeClientOptions { Http = new AcmeHttpOptions { MaxBadNonceRetries = 0 } };
        var client = new AcmeClient(http, pebble.DirectoryUrl, key, options: options);
        AcmeProtocolException? seen = null;

        // Each attempt is rejected with probability 1/2; 64 tries make missing it negligible (2^-64).
        for (var i = 0; i < 64 && seen is null; i++)
        {
            try
            {
                await client.FindAccountAsync(CancellationToken.None);
            }
            catch (AcmeProtocolException e)
            {
                seen = e;
            }
        }

        Assert.NotNull(seen);
        Assert.True(seen.IsBadNonce, seen.Message);
        Assert.True(seen.IsTransient);
    }
}

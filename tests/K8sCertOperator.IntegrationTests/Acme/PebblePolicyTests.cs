using System.Security.Cryptography;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>CA policy knobs: a domain blocklist and a fixed certificate validity period.</summary>
public sealed class PebblePolicyTests(PebblePolicyTests.PolicyPebble pebble) : IClassFixture<PebblePolicyTests.PolicyPebble>
{
    private const ulong ValiditySeconds = 7 * 24 * 3600;

    /// <summary>Pebble blocking blocked.example.com and issuing 7-day certificates.</summary>
    public sealed class PolicyPebble() : PebbleFixture(new PebbleOptions
    {
        DomainBlocklist = ["blocked.example.com"],
        CertificateValidityPeriodSeconds = ValiditySeconds,
    });

    [SkippableTheory]
    [InlineData("blocked.example.com")]
    [InlineData("sub.blocked.example.com")]
    public async Task A_blocklisted_name_is_a_typed_rejected_identifier(string name)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        await client.NewAccountAsync([], true, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(
            () => client.NewOrderAsync(TestCsr.Dns(TestCsr.UniqueName("ok"), name), cancellationToken: CancellationToken.None));

        Assert.True(error.IsRejectedIdentifier, error.Message);
        Assert.Contains(name, error.Detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Issued_certificates_have_the_configured_validity()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        await client.NewAccountAsync([], true, null, cts.Token);
        var identifiers = TestCsr.Dns(TestCsr.UniqueName("valid"));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await new AcmeIssuance(client, pebble.CreateResponder(AcmeChallenge.Http01)).IssueAsync(
            new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(identifiers, leafKey) }, cts.Token);

        var lifetime = result.Certificate.Leaf.NotAfter - result.Certificate.Leaf.NotBefore;
        // Pebble's notAfter is notBefore + period - 1s (inclusive end), so allow a few seconds either way.
        Assert.InRange(lifetime.TotalSeconds, ValiditySeconds - 5, ValiditySeconds + 5);
    }
}

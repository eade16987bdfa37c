using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>Whole issuances against a real Pebble: HTTP-01, DNS-01, wildcards, SANs, key types.</summary>
public sealed class PebbleIssuanceTests(PebbleFixture pebble) : IClassFixture<PebbleFixture>
{
    private static CancellationTokenSource Timeout() => new(TimeSpan.FromMinutes(3));

    [SkippableFact]
    public async Task Http01_issues_an_ecdsa_leaf_whose_chain_verifies_to_pebbles_root()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        var name = TestCsr.UniqueName("ec");
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await IssueAsync(TestCsr.Dns(name), leafKey, [AcmeChallenge.Http01], JwsSigners.CreateEs256(), cts.Token);

        Assert.Equal(AcmeStatus.Valid, result.Order.Status);
        Assert.Equal([name], ChainAssert.SubjectAlternativeNames(result.Certificate.Leaf));
        Assert.Equal(leafKey.ExportSubjectPublicKeyInfo(), result.Certificate.Leaf.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Contains(pebble.Http01.Requests, r => r.Contains(name, StringComparison.Ordinal) || r.Contains("acme-challenge", StringComparison.Ordinal));
        ChainAssert.VerifiesTo(result.Certificate, await pebble.GetRootAsync(0, cts.Token));
    }

    [SkippableFact]
    public async Task Http01_issues_an_rsa_leaf_for_an_rs256_account()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        var name = TestCsr.UniqueName("rsa");
        using var leafKey = RSA.Create(2048);

        var result = await IssueAsync(TestCsr.Dns(name), leafKey, [AcmeChallenge.Http01], JwsSigners.CreateRs256(), cts.Token);

        Assert.NotNull(result.Certificate.Leaf.GetRSAPublicKey());
        Assert.Equal([name], ChainAssert.SubjectAlternativeNames(result.Certificate.Leaf));
        ChainAssert.VerifiesTo(result.Certificate, await pebble.GetRootAsync(0, cts.Token));
    }

    [SkippableFact]
    public async Task Dns01_issues_a_wildcard_together_with_its_base_name_for_an_es384_account()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        var name = TestCsr.UniqueName("dns");
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var result = await IssueAsync(TestCsr.Dns(name, "*." + name), leafKey, [AcmeChallenge.Dns01], JwsSigners.CreateEs384(), cts.Token);

        Assert.Equal(new[] { "*." + name, name }.Order(), ChainAssert.SubjectAlternativeNames(result.Certificate.Leaf).Order());
        ChainAssert.VerifiesTo(result.Certificate, await pebble.GetRootAsync(0, cts.Token));
    }

    [SkippableFact]
    public async Task Several_sans_including_an_ip_address_are_issued_in_one_certificate()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        var names = new[] { TestCsr.UniqueName("a"), TestCsr.UniqueName("b"), TestCsr.UniqueName("c") };
        var identifiers = TestCsr.Dns(names).Append(AcmeIdentifier.Ip(IPAddress.Loopback)).ToList();
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        // DNS names through DNS-01 and the IP through HTTP-01 (IPs cannot use DNS-01).
        var result = await IssueAsync(identifiers, leafKey, [AcmeChallenge.Dns01, AcmeChallenge.Http01], JwsSigners.CreateEs256(), cts.Token);

        Assert.Equal(names.Append("127.0.0.1").Order(), ChainAssert.SubjectAlternativeNames(result.Certificate.Leaf).Order());
    }

    [SkippableFact]
    public async Task Wildcard_with_only_http01_fails_before_ordering_and_pebble_offers_only_dns01()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        using var http = pebble.CreateHttpClient();
        using var accountKey = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, accountKey);
        await client.NewAccountAsync(["test@example.com"], true, null, cts.Token);
        var name = TestCsr.UniqueName("wild");
        var identifiers = TestCsr.Dns("*." + name);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuance = new AcmeIssuance(client, pebble.CreateResponder(AcmeChallenge.Http01));

        var error = await Assert.ThrowsAsync<AcmeChallengeNotSupportedException>(() => issuance.IssueAsync(
            new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(identifiers, leafKey) }, cts.Token));
        Assert.Equal("*." + name, error.Identifier.Value);
        Assert.Empty(error.Offered);

        // What the CA itself says: the wildcard's authorization offers nothing but dns-01.
        var order = await client.NewOrderAsync(identifiers, cancellationToken: cts.Token);
        var authorization = await client.GetAuthorizationAsync(order.Authorizations.Single(), cts.Token);
        Assert.True(authorization.Wildcard);
        Assert.Equal(name, authorization.Identifier.Value);
        Assert.Equal([AcmeChallenge.Dns01], authorization.Challenges.Select(c => c.Type));
    }

    [SkippableFact]
    public async Task Renewal_info_is_null_because_pebble_has_no_ari()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = Timeout();
        var name = TestCsr.UniqueName("ari");
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var http = pebble.CreateHttpClient();
        using var accountKey = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, accountKey);
        await client.NewAccountAsync([], true, null, cts.Token);
        var identifiers = TestCsr.Dns(name);
        var result = await new AcmeIssuance(client, pebble.CreateResponder(AcmeChallenge.Http01)).IssueAsync(
            new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(identifiers, leafKey), Replaces = "ignored.when-no-ari" },
            cts.Token);

        Assert.Null((await client.GetDirectoryAsync(cts.Token)).RenewalInfo);
        Assert.Null(await client.GetRenewalInfoAsync(result.Certificate.Leaf, cts.Token));
        // The CertID is still computable from Pebble's certificate (it carries an AKI).
        Assert.Contains('.', RenewalCertId.Compute(result.Certificate.Leaf));
    }

    private async Task<AcmeIssuanceResult> IssueAsync(IReadOnlyList<AcmeIdentifier> identifiers, AsymmetricAlgorithm leafKey,
        string[] challengeTypes, IJwsSigner accountKey, CancellationToken cancellationToken)
    {
        using var http = pebble.CreateHttpClient();
        using (accountKey)
        {
            var client = pebble.CreateClient(http, accountKey);
            var account = await client.NewAccountAsync(["test@example.com"], true, null, cancellationToken);
            Assert.Equal(AcmeStatus.Valid, account.Status);
            var issuance = new AcmeIssuance(client, pebble.CreateResponder(challengeTypes));
            try
            {
                return await issuance.IssueAsync(
                    new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(identifiers, leafKey) }, cancellationToken);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"issuance failed: {e}\n--- pebble ---\n{pebble.Output}");
            }
        }
    }
}

using System.Security.Cryptography;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Acme;

/// <summary>What failures look like: a wrong challenge response, an untrusted server, a CSR that does not match.</summary>
public sealed class PebbleFailureTests(PebbleFixture pebble) : IClassFixture<PebbleFixture>
{
    /// <summary>Publishes a wrong key authorization, so validation fails at the CA.</summary>
    private sealed class WrongAnswerResponder(PebbleHttp01Responder inner) : IAcmeChallengeResponder
    {
        public IReadOnlyList<string> SupportedChallengeTypes => inner.SupportedChallengeTypes;

        public Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken) =>
            inner.PresentAsync(challenge with { KeyAuthorization = challenge.Token + ".wrong" }, cancellationToken);

        public Task CleanUpAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken) =>
            inner.CleanUpAsync(challenge, cancellationToken);
    }

    [SkippableFact]
    public async Task A_wrong_http01_answer_fails_the_authorization_with_the_challenge_error()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        await client.NewAccountAsync([], true, null, cts.Token);
        var identifiers = TestCsr.Dns(TestCsr.UniqueName("wrong"));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = await Assert.ThrowsAsync<AcmeAuthorizationFailedException>(() =>
            new AcmeIssuance(client, new WrongAnswerResponder(pebble.Http01)).IssueAsync(
                new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(identifiers, leafKey) }, cts.Token));

        Assert.Equal(AcmeStatus.Invalid, error.Authorization.Status);
        Assert.Equal(AcmeChallenge.Http01, error.FailedChallenge?.Type);
        Assert.NotNull(error.FailedChallenge?.Error?.Type);
        Assert.Contains(identifiers[0].Value, error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_csr_that_does_not_match_the_order_is_refused_at_finalize()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        await client.NewAccountAsync([], true, null, cts.Token);
        var identifiers = TestCsr.Dns(TestCsr.UniqueName("csr"));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = await Assert.ThrowsAnyAsync<AcmeProtocolException>(() =>
            new AcmeIssuance(client, pebble.CreateResponder(AcmeChallenge.Http01)).IssueAsync(
                new AcmeIssuanceRequest { Identifiers = identifiers, CsrDer = TestCsr.Create(TestCsr.Dns("other.example.com"), leafKey) }, cts.Token));

        Assert.True(error.Is(AcmeProblemTypes.BadCsr) || error.IsUnauthorized || error.IsMalformed, error.Message);
    }

    [SkippableFact]
    public async Task Without_the_ca_bundle_tls_fails_and_skip_verify_is_an_explicit_opt_in()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var key = JwsSigners.CreateEs256();
        using var untrusting = AcmeHttpHandlerFactory.CreateClient();
        var options = new AcmeClientOptions { Http = new AcmeHttpOptions { MaxTransientRetries = 0 } };

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(
            () => new AcmeClient(untrusting, pebble.DirectoryUrl, key, options: options).GetDirectoryAsync(CancellationToken.None));
        Assert.IsType<HttpRequestException>(error.InnerException);

        using var insecure = AcmeHttpHandlerFactory.CreateClient(new AcmeTlsOptions { InsecureSkipVerify = true });
        var directory = await new AcmeClient(insecure, pebble.DirectoryUrl, key).GetDirectoryAsync(CancellationToken.None);
        Assert.NotNull(directory.NewOrder);
    }

    [SkippableFact]
    public async Task Waiting_for_an_order_nobody_solves_gives_up_with_a_timeout()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, key);
        await client.NewAccountAsync([], true, null, CancellationToken.None);
        var order = await client.NewOrderAsync(TestCsr.Dns(TestCsr.UniqueName("idle")), cancellationToken: CancellationToken.None);

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => client.WaitForOrderAsync(order.Location!, TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains(AcmeStatus.Pending, error.Message, StringComparison.Ordinal);
    }
}

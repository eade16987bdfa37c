using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Challenges;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

namespace K8sCertOperator.IntegrationTests.AcmeDoubleTests;

/// <summary>The ACME double is honest: it verifies signatures, refuses replayed nonces and judges records as the drafts say.</summary>
public sealed class AcmeDoubleServerTests
{
    private static Task<AcmeDoubleServer> StartAsync(CancellationToken ct) =>
        AcmeDoubleServer.StartAsync(new AcmeDoubleOptions(), (_, _) => Task.FromResult<IReadOnlyList<string>>([]), ct);

    [Fact]
    public async Task A_request_signed_with_another_key_than_the_accounts_is_refused()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var server = await StartAsync(cts.Token);
        using var http = new HttpClient();
        using var owner = JwsSigners.CreateEs256();
        using var intruder = JwsSigners.CreateEs256();
        var account = new AcmeClient(http, server.DirectoryUrl, owner);
        await account.NewAccountAsync([], termsOfServiceAgreed: true, null, cts.Token);

        var forged = new AcmeClient(http, server.DirectoryUrl, intruder, account.AccountUrl);
        var e = await Assert.ThrowsAsync<AcmeProtocolException>(() => forged.NewOrderAsync([AcmeIdentifier.Dns("a.example.com")], cancellationToken: cts.Token));

        Assert.Equal(AcmeProblemTypes.Unauthorized, e.Problem.Type);
        Assert.Empty(server.NewOrderRequests);
        // The rightful key still works.
        Assert.Equal(AcmeStatus.Pending, (await account.NewOrderAsync([AcmeIdentifier.Dns("a.example.com")], cancellationToken: cts.Token)).Status);
    }

    [Fact]
    public async Task A_replayed_request_is_refused_for_its_used_nonce()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var server = await StartAsync(cts.Token);
        var replay = new ReplayHandler { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(replay);
        using var key = JwsSigners.CreateEs256();

        await new AcmeClient(http, server.DirectoryUrl, key).NewAccountAsync([], termsOfServiceAgreed: true, null, cts.Token);

        Assert.Equal(400, replay.ReplayStatus);
        Assert.Contains("urn:ietf:params:acme:error:badNonce", replay.ReplayBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_under_a_profile_is_validated_by_dns01_issued_for_the_profiles_lifetime_and_has_renewal_info()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var ct = cts.Token;
        var zone = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var options = new AcmeDoubleOptions();
        await using var server = await AcmeDoubleServer.StartAsync(options,
            (name, _) => Task.FromResult(zone.TryGetValue(name, out var values) ? values : (IReadOnlyList<string>)[]), ct);
        using var http = new HttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, server.DirectoryUrl, key);
        await client.NewAccountAsync([], termsOfServiceAgreed: true, null, ct);
        Assert.True((await client.GetDirectoryAsync(ct)).HasProfile("shortlived"));

        var order = await client.NewOrderAsync([AcmeIdentifier.Dns("www.example.com")], profile: "shortlived", cancellationToken: ct);
        var authz = await client.GetAuthorizationAsync(order.Authorizations[0], ct);
        var dns01 = authz.Challenges.Single(c => c.Type == AcmeChallenge.Dns01);
        zone["_acme-challenge.www.example.com."] = [client.GetDns01TxtValue(dns01.Token!)];
        await client.AnswerChallengeAsync(dns01.Url!, ct);
        await client.WaitForAuthorizationAsync(order.Authorizations[0], TimeSpan.FromSeconds(30), ct);
        using var leafKey = K8sCertOperator.Pki.PrivateKeyGenerator.Generate(new K8sCertOperator.Pki.PrivateKeySpec(K8sCertOperator.Pki.KeyAlgorithm.Ecdsa));
        var csr = K8sCertOperator.Pki.CsrBuilder.BuildDer(leafKey, new K8sCertOperator.Pki.CertificateTemplate { DnsNames = ["www.example.com"] });
        var ready = await client.WaitForOrderAsync(order.Location!, TimeSpan.FromSeconds(30), ct);
        var done = await client.FinalizeAsync(ready, csr, ct);
        var chain = await client.DownloadCertificateAsync(done.Certificate!, null, ct);
        var info = await client.GetRenewalInfoAsync(chain.Leaf, ct);

        Assert.Equal("shortlived", done.Profile);
        Assert.Equal(options.Profiles["shortlived"], chain.Leaf.NotAfter - chain.Leaf.NotBefore);
        Assert.NotNull(info?.SuggestedWindow);
        Assert.InRange(info.SuggestedWindow!.Start, chain.Leaf.NotBefore.ToUniversalTime(), chain.Leaf.NotAfter.ToUniversalTime());
    }

    [Fact]
    public async Task A_dns01_answer_without_the_record_invalidates_the_authorization()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var server = await StartAsync(cts.Token);
        using var http = new HttpClient();
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(http, server.DirectoryUrl, key);
        await client.NewAccountAsync([], termsOfServiceAgreed: true, null, cts.Token);
        var order = await client.NewOrderAsync([AcmeIdentifier.Dns("www.example.com")], cancellationToken: cts.Token);
        var authz = await client.GetAuthorizationAsync(order.Authorizations[0], cts.Token);

        await client.AnswerChallengeAsync(authz.Challenges.Single(c => c.Type == AcmeChallenge.DnsAccount01).Url!, cts.Token);
        var failed = await Assert.ThrowsAsync<AcmeAuthorizationFailedException>(() => client.WaitForAuthorizationAsync(order.Authorizations[0], TimeSpan.FromSeconds(30), cts.Token));

        Assert.Contains($"_{DnsAccountLabel.For(client.AccountUrl!.ToString())}._acme-challenge.www.example.com.", failed.Message, StringComparison.Ordinal);
    }

    // The double's own parser agrees with the operator's on the draft's cases (each was written from the draft alone).
    [Theory]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/1", false, true)]
    [InlineData("CA.Example.Net.;AccountURI=https://ca.test/acct/1", false, true)]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/1", true, false)]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/1; policy=Wildcard", true, true)]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/2", false, false)]
    [InlineData("other.test; accounturi=https://ca.test/acct/1", false, false)]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/1; persistUntil=1", false, false)]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/1; persistUntil=99999999999", false, true)]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/1; broken", false, false)]
    [InlineData("ca.example.net; accounturi=https://ca.test/acct/1; accounturi=https://ca.test/acct/1", false, false)]
    public void Persist_records_are_judged_as_the_operator_judges_them(string value, bool wildcard, bool valid)
    {
        var offered = new AcmeDoubleOptions().IssuerDomainNames;
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(valid, DoubleValidator.PersistRecordAuthorizes(value, offered, "https://ca.test/acct/1", wildcard, now));
        Assert.Equal(valid, DnsPersistRecord.Parse(value, out _)?.Authorizes([.. offered], "https://ca.test/acct/1", wildcard, now) ?? false);
    }

    [Theory]
    [InlineData("https://example.com/acme/acct/ExampleAccount")]
    [InlineData("http://127.0.0.1:4000/acct/17")]
    public void Account_labels_agree_with_the_operator(string accountUrl) =>
        Assert.Equal(DnsAccountLabel.For(accountUrl), DoubleValidator.AccountLabel(accountUrl));

    /// <summary>Sends the first newAccount request twice, as an attacker replaying it would, and keeps the second answer.</summary>
    private sealed class ReplayHandler : DelegatingHandler
    {
        public int ReplayStatus { get; private set; }

        public string ReplayBody { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || ReplayStatus != 0 || request.Content is null)
            {
                return await base.SendAsync(request, cancellationToken);
            }
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var contentType = request.Content.Headers.ContentType;
            var response = await base.SendAsync(Copy(request, body, contentType), cancellationToken);
            using var replayed = await base.SendAsync(Copy(request, body, contentType), cancellationToken);
            ReplayStatus = (int)replayed.StatusCode;
            ReplayBody = await replayed.Content.ReadAsStringAsync(cancellationToken);
            return response;
        }

        private static HttpRequestMessage Copy(HttpRequestMessage request, byte[] body, System.Net.Http.Headers.MediaTypeHeaderValue? contentType)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = new ByteArrayContent(body) };
            copy.Content.Headers.ContentType = contentType;
            return copy;
        }
    }
}

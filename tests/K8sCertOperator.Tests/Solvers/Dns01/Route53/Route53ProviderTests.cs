using System.Net;
using System.Xml.Linq;
using K8sCertOperator.Solvers.Dns01.Route53;

namespace K8sCertOperator.Tests.Solvers.Dns01.Route53;

/// <summary>The provider's requests against the documented Route53 REST contract.</summary>
public sealed class Route53ProviderTests : IAsyncLifetime
{
    private const string Fqdn = "_acme-challenge.example.com.";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly XNamespace Ns = Route53Xml.Namespace;

    private readonly FakeRoute53Api _api = new();
    private readonly HttpClient _http = new();
    private RecordingApiServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingApiServer.StartAsync(_api.Handle);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Present_finds_the_zone_by_name_reads_the_set_and_upserts_it()
    {
        await Provider().PresentAsync(Fqdn, "token-value", None);

        Assert.Equal(
            [
                "GET /2013-04-01/hostedzonesbyname?dnsname=_acme-challenge.example.com.&maxitems=1",
                "GET /2013-04-01/hostedzonesbyname?dnsname=example.com.&maxitems=1",
                $"GET /2013-04-01/hostedzone/{FakeRoute53Api.ZoneId}/rrset?name=_acme-challenge.example.com.&type=TXT&maxitems=1",
                $"POST /2013-04-01/hostedzone/{FakeRoute53Api.ZoneId}/rrset/",
            ],
            _server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        var post = _server.Requests[^1];
        var change = XDocument.Parse(post.Body).Descendants(Ns + "Change").Single();
        Assert.Equal("UPSERT", change.Element(Ns + "Action")!.Value);
        Assert.Equal(["\"token-value\""], change.Descendants(Ns + "Value").Select(v => v.Value));
        AssertSet(60, ["token-value"]);
        Assert.All(_server.Requests, r => Assert.StartsWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", r.Header("Authorization"), StringComparison.Ordinal));
        Assert.Contains("/us-east-1/route53/aws4_request", post.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Present_upserts_the_full_set_so_other_values_survive()
    {
        _api.Seed(Fqdn, 300, "someone-else");

        await Provider().PresentAsync(Fqdn, "ours", None);

        AssertSet(60, ["someone-else", "ours"]);
    }

    [Fact]
    public async Task Cleanup_keeps_other_values_and_deletes_the_exact_set_when_ours_is_last()
    {
        _api.Seed(Fqdn, 300, "someone-else", "ours");
        var provider = Provider();

        await provider.CleanUpAsync(Fqdn, "ours", None);
        AssertSet(300, ["someone-else"]);

        await provider.CleanUpAsync(Fqdn, "someone-else", None);
        Assert.Null(_api.Set(Fqdn));
        var last = XDocument.Parse(_server.Requests[^1].Body).Descendants(Ns + "Change").Single();
        Assert.Equal("DELETE", last.Element(Ns + "Action")!.Value);
        Assert.Equal("300", last.Descendants(Ns + "TTL").Single().Value);
    }

    [Fact]
    public async Task Cleanup_of_an_absent_value_changes_nothing()
    {
        _api.Seed(Fqdn, 300, "someone-else");

        await Provider().CleanUpAsync(Fqdn, "ours", None);

        Assert.DoesNotContain(_server.Requests, r => r.Method == "POST");
        AssertSet(300, ["someone-else"]);
    }

    [Fact]
    public async Task Configured_hosted_zone_skips_the_lookup()
    {
        var provider = new Route53Provider(
            new Route53Settings(FakeRoute53Api.Credentials, HostedZoneId: $"/hostedzone/{FakeRoute53Api.ZoneId}") { BaseUri = _server.BaseUri },
            _http);

        await provider.PresentAsync(Fqdn, "v", None);

        Assert.DoesNotContain(_server.Requests, r => r.Path.Contains("hostedzonesbyname", StringComparison.Ordinal));
        AssertSet(60, ["v"]);
    }

    [Fact]
    public async Task Wrong_secret_gives_a_typed_error_without_the_secret()
    {
        var provider = new Route53Provider(
            new Route53Settings(FakeRoute53Api.Credentials with { SecretAccessKey = "not-the-secret" }) { BaseUri = _server.BaseUri },
            _http);

        var error = await Assert.ThrowsAsync<Route53ApiException>(() => provider.PresentAsync(Fqdn, "v", None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.DoesNotContain("not-the-secret", error.Message, StringComparison.Ordinal);
    }

    private Route53Provider Provider() =>
        new(new Route53Settings(FakeRoute53Api.Credentials) { BaseUri = _server.BaseUri }, _http);

    private void AssertSet(int ttl, string[] values)
    {
        var set = _api.Set(Fqdn);
        Assert.NotNull(set);
        Assert.Equal(ttl, set.Value.Ttl);
        Assert.Equal(values, set.Value.Values);
    }
}

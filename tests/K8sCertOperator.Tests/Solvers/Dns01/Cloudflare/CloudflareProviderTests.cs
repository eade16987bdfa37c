using System.Net;
using K8sCertOperator.Solvers.Dns01.Cloudflare;

namespace K8sCertOperator.Tests.Solvers.Dns01.Cloudflare;

/// <summary>The provider's requests against the documented Cloudflare API v4 contract.</summary>
public sealed class CloudflareProviderTests : IAsyncLifetime
{
    private const string Fqdn = "_acme-challenge.www.example.com.";
    private const string Name = "_acme-challenge.www.example.com";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeCloudflareApi _api = new();
    private readonly HttpClient _http = new();
    private RecordingApiServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingApiServer.StartAsync(_api.Handle);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Present_walks_zones_by_name_then_lists_and_creates_the_record()
    {
        await Provider().PresentAsync(Fqdn, "token-value", None);

        Assert.Equal(
            [
                "GET /client/v4/zones?name=_acme-challenge.www.example.com",
                "GET /client/v4/zones?name=www.example.com",
                "GET /client/v4/zones?name=example.com",
                $"GET /client/v4/zones/{FakeCloudflareApi.ZoneId}/dns_records?type=TXT&name=_acme-challenge.www.example.com",
                $"POST /client/v4/zones/{FakeCloudflareApi.ZoneId}/dns_records",
            ],
            _server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        var create = _server.Requests[^1];
        Assert.StartsWith("application/json", create.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal($$"""{"type":"TXT","name":"{{Name}}","content":"token-value","ttl":120}""", create.Body);
        Assert.All(_server.Requests, r => Assert.Equal($"Bearer {FakeCloudflareApi.Token}", r.Header("Authorization")));
        Assert.Equal([(Name, "token-value")], _api.Records.Select(r => (r.Name, r.Content)));
    }

    [Fact]
    public async Task Present_keeps_other_values_and_does_not_duplicate_its_own()
    {
        _api.Seed(Name, "someone-else");
        var provider = Provider();

        await provider.PresentAsync(Fqdn, "ours", None);
        await provider.PresentAsync(Fqdn, "ours", None);

        Assert.Equal(["ours", "someone-else"], _api.Records.Select(r => r.Content).Order(StringComparer.Ordinal));
        Assert.Single(_server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Cleanup_deletes_only_the_record_with_our_value()
    {
        _api.Seed(Name, "someone-else");
        var provider = Provider();
        await provider.PresentAsync(Fqdn, "ours", None);
        var ourId = _api.Records.Single(r => r.Content == "ours").Id;

        await provider.CleanUpAsync(Fqdn, "ours", None);

        var delete = Assert.Single(_server.Requests, r => r.Method == "DELETE");
        Assert.Equal($"/client/v4/zones/{FakeCloudflareApi.ZoneId}/dns_records/{ourId}", delete.Path);
        Assert.Equal(["someone-else"], _api.Records.Select(r => r.Content));
    }

    [Fact]
    public async Task Legacy_email_and_key_headers_are_used_without_a_token()
    {
        var provider = new CloudflareProvider(
            new CloudflareSettings(Email: FakeCloudflareApi.Email, ApiKey: FakeCloudflareApi.Key) { BaseUri = ApiRoot() }, _http);

        await provider.PresentAsync(Fqdn, "v", None);

        Assert.All(_server.Requests, r =>
        {
            Assert.Equal(FakeCloudflareApi.Email, r.Header("X-Auth-Email"));
            Assert.Equal(FakeCloudflareApi.Key, r.Header("X-Auth-Key"));
            Assert.Null(r.Header("Authorization"));
        });
    }

    [Fact]
    public async Task Api_errors_surface_code_and_message_but_not_the_token()
    {
        var provider = new CloudflareProvider(new CloudflareSettings(ApiToken: "wrong-token") { BaseUri = ApiRoot() }, _http);

        var error = await Assert.ThrowsAsync<CloudflareApiException>(() => provider.PresentAsync(Fqdn, "v", None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal([10000], error.ErrorCodes);
        Assert.Contains("10000: Authentication error", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_outside_every_zone_is_reported()
    {
        var error = await Assert.ThrowsAsync<K8sCertOperator.Solvers.Dns01.DnsProviderException>(
            () => Provider().PresentAsync("_acme-challenge.other.org.", "v", None));

        Assert.Contains("no Cloudflare zone found for _acme-challenge.other.org", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET /client/v4/zones?name=_acme-challenge.other.org", "GET /client/v4/zones?name=other.org", "GET /client/v4/zones?name=org"],
            _server.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    private CloudflareProvider Provider() =>
        new(new CloudflareSettings(ApiToken: FakeCloudflareApi.Token) { BaseUri = ApiRoot() }, _http);

    private Uri ApiRoot() => new(_server.BaseUri, "client/v4/");
}

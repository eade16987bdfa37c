using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Cloudflare;

namespace K8sCertOperator.Tests.Solvers.Dns01;

/// <summary>Hosted DNS API answers are capped: a huge answer is a provider error, not an allocation.</summary>
public sealed class DnsProviderHttpTests
{
    [Fact]
    public async Task A_cloudflare_answer_over_the_cap_is_a_provider_error()
    {
        var huge = "{\"success\":true,\"result\":[],\"pad\":\"" + new string('p', (int)DnsProviderHttp.MaxResponseBytes) + "\"}";
        await using var api = await RecordingApiServer.StartAsync(_ => new ApiAnswer(200, huge));
        using var http = DnsProviderHttp.CreateClient();
        var provider = new CloudflareProvider(new CloudflareSettings { ApiToken = "t", BaseUri = api.BaseUri }, http);

        var error = await Assert.ThrowsAsync<DnsProviderException>(() => provider.FindZoneIdAsync("a.example.com", CancellationToken.None));

        Assert.Contains("exceeds the limit of 1 MiB", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Requests);
    }
}

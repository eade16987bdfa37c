using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>The raw HTTP shapes clients other than KubernetesClient (kubectl, curl) rely on.</summary>
public sealed class WireFormatTests : StandInTestBase
{
    [Fact]
    public async Task Watch_with_watch_1_streams_chunked_newline_delimited_events()
    {
        await CreateSecretAsync("s");
        using var http = new HttpClient { BaseAddress = new Uri(Server.Host) };
        using var response = await http.GetAsync(
            new Uri($"/api/v1/namespaces/{Namespace}/secrets?watch=1&timeoutSeconds=1", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token), Encoding.UTF8);
        var first = JsonNode.Parse(await reader.ReadLineAsync(Token) ?? "null");
        Assert.Equal("ADDED", (string?)first?["type"]);
        Assert.Equal("Secret", (string?)first?["object"]?["kind"]);
        Assert.Equal("v1", (string?)first?["object"]?["apiVersion"]);
        // timeoutSeconds=1 ends the stream without further events.
        Assert.Null(await reader.ReadLineAsync(Token).AsTask().WaitAsync(Patience, Token));
    }

    [Theory]
    [InlineData("GET", "/apis/nope.example.com/v1/namespaces/default/things", 404, "NotFound")]
    [InlineData("GET", "/api/v1/namespaces/default/secrets/missing", 404, "NotFound")]
    [InlineData("POST", "/api/v1/namespaces/default/secrets/x", 405, "MethodNotAllowed")]
    [InlineData("POST", "/api/v1/namespaces/default/secrets", 400, "BadRequest")]
    public async Task Failures_are_Status_objects(string method, string path, int code, string reason)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Host) };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "POST" ? new StringContent("[1]", Encoding.UTF8, "application/json") : null,
        };
        using var response = await http.SendAsync(request, Token);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal("Status", (string?)status?["kind"]);
        Assert.Equal("v1", (string?)status?["apiVersion"]);
        Assert.Equal("Failure", (string?)status?["status"]);
        Assert.Equal(reason, (string?)status?["reason"]);
        Assert.Equal(code, (int?)status?["code"]);
    }

    [Theory]
    [InlineData("/version", "gitVersion")]
    [InlineData("/api", "versions")]
    [InlineData("/apis", "groups")]
    [InlineData("/api/v1", "resources")]
    [InlineData("/apis/k8scert.io/v1", "resources")]
    public async Task Discovery_documents_are_served(string path, string field)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Host) };
        var document = JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative), Token));
        Assert.NotNull(document?[field]);
    }
}

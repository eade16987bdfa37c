using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// Metadata-only reads as kube-apiserver serves them (client-go's metadata client): the Accept header's
/// <c>as=PartialObjectMetadataList</c> / <c>as=PartialObjectMetadata</c> answer with names, labels and
/// resourceVersions under apiVersion meta.k8s.io/v1, never the data.
/// </summary>
public sealed class MetadataOnlyTests : StandInTestBase
{
    private const string ListAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
    private const string ObjectAccept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";

    [Fact]
    public async Task List_get_and_watch_answer_PartialObjectMetadata_without_data()
    {
        await CreateSecretAsync("s", new Dictionary<string, string> { ["team"] = "a" });
        using var http = new HttpClient { BaseAddress = new Uri(Server.Host) };

        var list = await GetJsonAsync(http, $"/api/v1/namespaces/{Namespace}/secrets", ListAccept);
        Assert.Equal("PartialObjectMetadataList", (string?)list["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)list["apiVersion"]);
        Assert.False(string.IsNullOrEmpty((string?)list["metadata"]?["resourceVersion"]));
        var item = Assert.Single(list["items"]!.AsArray())!;
        AssertMetadataOnly(item, "s");
        Assert.Equal("a", (string?)item["metadata"]?["labels"]?["team"]);

        AssertMetadataOnly(await GetJsonAsync(http, $"/api/v1/namespaces/{Namespace}/secrets/s", ObjectAccept), "s");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/namespaces/{Namespace}/secrets?watch=true&timeoutSeconds=1", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", ObjectAccept);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token), Encoding.UTF8);
        var added = JsonNode.Parse(await reader.ReadLineAsync(Token) ?? "null")!;
        Assert.Equal("ADDED", (string?)added["type"]);
        AssertMetadataOnly(added["object"]!, "s");
    }

    [Fact]
    public async Task The_operator_s_metadata_client_lists_and_watches_Secrets_without_their_data()
    {
        await CreateSecretAsync("before");
        var api = CoreResourceApis.SecretMetadata(Client);

        var list = await api.ListAsync(Namespace, null, Token);
        var listed = Assert.Single(list.Items);
        Assert.Equal("before", listed.Metadata.Name);
        Assert.Equal("meta.k8s.io/v1", listed.ApiVersion);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        stop.CancelAfter(Patience);
        var watch = api.WatchAsync(Namespace, null, list.ResourceVersion, false, null, stop.Token).GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync();
        await CreateSecretAsync("after");
        Assert.True(await next);
        Assert.Equal(WatchEventKind.Added, watch.Current.Type);
        Assert.Equal("after", watch.Current.Object.Metadata.Name);
        Assert.Equal("PartialObjectMetadata", watch.Current.Object.Kind);
        await stop.CancelAsync();
        await watch.DisposeAsync();
    }

    [Theory]
    [InlineData("application/json;as=Table;g=meta.k8s.io;v=v1")]
    [InlineData(ObjectAccept)] // a list answers PartialObjectMetadataList only
    public async Task A_view_the_server_cannot_serve_is_NotAcceptable(string accept)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Server.Host) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/namespaces/{Namespace}/secrets", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await http.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("NotAcceptable", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))?["reason"]);
    }

    private async Task<JsonNode> GetJsonAsync(HttpClient http, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await http.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
    }

    private static void AssertMetadataOnly(JsonNode obj, string name)
    {
        Assert.Equal("PartialObjectMetadata", (string?)obj["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)obj["apiVersion"]);
        Assert.Equal(name, (string?)obj["metadata"]?["name"]);
        Assert.False(string.IsNullOrEmpty((string?)obj["metadata"]?["resourceVersion"]));
        Assert.Null(obj["data"]);
        Assert.Null(obj["type"]);
    }
}

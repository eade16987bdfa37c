using System.Net;
using System.Text.Json.Nodes;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Tests.Solvers.Dns01.Webhook;

/// <summary>The ChallengePayload the provider sends, against cert-manager's acme.cert-manager.io/v1alpha1 webhook API.</summary>
public sealed class WebhookProviderTests : IAsyncLifetime
{
    private const string Path = "/apis/acme.example.com/v1alpha1/my-solver";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly HttpClient _http = new();
    private RecordingApiServer _server = null!;
    private Func<JsonNode, ApiAnswer> _answer = Succeed;

    public async Task InitializeAsync()
    {
        _server = await RecordingApiServer.StartAsync(r => r.Path == Path
            ? _answer(JsonNode.Parse(r.Body)!)
            : new ApiAnswer(404, """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","code":404}"""));
        _http.BaseAddress = _server.BaseUri;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Present_posts_a_challenge_payload_with_cert_manager_field_names()
    {
        await Provider().PresentAsync("_acme-challenge.example.com.", "key-value", None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(Path, request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["apiVersion", "kind", "request"], body.Select(p => p.Key));
        Assert.Equal("acme.cert-manager.io/v1alpha1", body["apiVersion"]!.GetValue<string>());
        Assert.Equal("ChallengePayload", body["kind"]!.GetValue<string>());
        var sent = body["request"]!.AsObject();
        // Field order as cert-manager's ChallengeRequest (and the reflection serializer before source generation).
        Assert.Equal(
            ["uid", "action", "type", "dnsName", "key", "resourceNamespace", "resolvedFQDN", "resolvedZone", "allowAmbientCredentials", "config"],
            sent.Select(p => p.Key));
        Assert.True(Guid.TryParse(sent["uid"]!.GetValue<string>(), out _));
        sent.Remove("uid");
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {
                  "action": "Present",
                  "type": "dns-01",
                  "dnsName": "*.example.com",
                  "key": "key-value",
                  "resourceNamespace": "cert-ns",
                  "resolvedFQDN": "_acme-challenge.example.com.",
                  "resolvedZone": "example.com.",
                  "allowAmbientCredentials": true,
                  "config": { "apiKeySecretRef": { "name": "dns", "key": "token" }, "ttl": 60 }
                }
                """),
            sent), sent.ToJsonString());
    }

    [Fact]
    public async Task Cleanup_sends_the_cleanup_action_and_a_fresh_uid()
    {
        var provider = Provider();
        await provider.PresentAsync("_acme-challenge.example.com.", "v", None);
        await provider.CleanUpAsync("_acme-challenge.example.com.", "v", None);

        var requests = _server.Requests.Select(r => JsonNode.Parse(r.Body)!["request"]!).ToList();
        Assert.Equal(["Present", "CleanUp"], requests.Select(r => r["action"]!.GetValue<string>()));
        Assert.NotEqual(requests[0]["uid"]!.GetValue<string>(), requests[1]["uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Zone_comes_from_the_resolver_when_not_configured()
    {
        var provider = new WebhookProvider(
            Settings() with { ResolvedZone = null }, Send, (fqdn, _) => Task.FromResult($"zone-of.{fqdn}"));

        await provider.PresentAsync("_acme-challenge.a.example.com", "v", None);

        var sent = JsonNode.Parse(Assert.Single(_server.Requests).Body)!["request"]!;
        Assert.Equal("zone-of._acme-challenge.a.example.com.", sent["resolvedZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Failure_reported_by_the_webhook_becomes_a_typed_error_with_its_message()
    {
        _answer = request => new ApiAnswer(200, new JsonObject
        {
            ["apiVersion"] = "acme.cert-manager.io/v1alpha1",
            ["kind"] = "ChallengePayload",
            ["response"] = new JsonObject
            {
                ["uid"] = request["request"]!["uid"]!.GetValue<string>(),
                ["success"] = false,
                ["status"] = new JsonObject { ["status"] = "Failure", ["message"] = "zone example.com not managed by this account" },
            },
        }.ToJsonString());

        var error = await Assert.ThrowsAsync<WebhookSolverException>(
            () => Provider().PresentAsync("_acme-challenge.example.com.", "v", None));

        Assert.Contains("zone example.com not managed by this account", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task A_response_that_echoes_a_partial_request_is_still_read()
    {
        _answer = request => new ApiAnswer(200, new JsonObject
        {
            ["apiVersion"] = "acme.cert-manager.io/v1alpha1",
            ["kind"] = "ChallengePayload",
            ["request"] = new JsonObject { ["uid"] = request["request"]!["uid"]!.GetValue<string>() },
            ["response"] = new JsonObject { ["success"] = true },
        }.ToJsonString());

        await Provider().CleanUpAsync("_acme-challenge.example.com.", "v", None);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Missing_api_service_reports_the_api_server_status()
    {
        var provider = new WebhookProvider(Settings() with { SolverName = "absent" }, Send);

        var error = await Assert.ThrowsAsync<WebhookSolverException>(
            () => provider.PresentAsync("_acme-challenge.example.com.", "v", None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("HTTP 404: the server could not find the requested resource", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x/../../api/v1/namespaces/kube-system/secrets?dryRun=All#", "my-solver")]
    [InlineData("acme.example.com/../../api", "my-solver")]
    [InlineData("Acme.Example.com", "my-solver")]
    [InlineData("acme..example.com", "my-solver")]
    [InlineData("acme.example.com", "../secrets")]
    [InlineData("acme.example.com", "my.solver")]
    [InlineData("acme.example.com", "solver?dryRun=All")]
    [InlineData("acme.example.com", "")]
    public async Task Path_injection_through_group_or_solver_name_is_refused_before_any_request(string group, string solver)
    {
        var provider = new WebhookProvider(Settings() with { GroupName = group, SolverName = solver }, Send);

        var error = await Assert.ThrowsAsync<WebhookSolverException>(() => provider.PresentAsync("_acme-challenge.example.com.", "v", None));

        Assert.Contains("DNS-1123", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_response_over_the_cap_is_an_error_and_its_text_is_not_quoted()
    {
        _answer = _ => new ApiAnswer(500, "{\"message\":\"" + new string('s', (int)WebhookProvider.MaxResponseBytes) + "\"}");
        var provider = new WebhookProvider(Settings(), StreamingSend);

        var error = await Assert.ThrowsAsync<WebhookSolverException>(() => provider.PresentAsync("_acme-challenge.example.com.", "v", None));

        Assert.Contains("exceeds the limit of 256 KiB", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sss", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_message_from_the_api_server_is_quoted_only_as_a_short_sanitized_excerpt()
    {
        var message = "line one\nline\u0007 two " + new string('m', 2000);
        _answer = _ => new ApiAnswer(503, new JsonObject { ["kind"] = "Status", ["message"] = message, ["code"] = 503 }.ToJsonString());

        var error = await Assert.ThrowsAsync<WebhookSolverException>(() => Provider().PresentAsync("_acme-challenge.example.com.", "v", None));

        Assert.Contains("HTTP 503: line one line two mmm", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u0007', error.Message);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    private static ApiAnswer Succeed(JsonNode request) => new(200, new JsonObject
    {
        ["apiVersion"] = "acme.cert-manager.io/v1alpha1",
        ["kind"] = "ChallengePayload",
        ["response"] = new JsonObject { ["uid"] = request["request"]!["uid"]!.GetValue<string>(), ["success"] = true },
    }.ToJsonString());

    private Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken ct) => _http.SendAsync(request, ct);

    // As the operator's KubeTransport sends: headers first, the body left for the provider to read.
    private Task<HttpResponseMessage> StreamingSend(HttpRequestMessage request, CancellationToken ct) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);

    private WebhookProvider Provider() => new(Settings(), Send);

    private static WebhookSettings Settings() => new(
        "acme.example.com",
        "my-solver",
        "cert-ns",
        "*.example.com",
        JsonNode.Parse("""{ "apiKeySecretRef": { "name": "dns", "key": "token" }, "ttl": 60 }"""))
    {
        ResolvedZone = "example.com",
        AllowAmbientCredentials = true,
    };
}

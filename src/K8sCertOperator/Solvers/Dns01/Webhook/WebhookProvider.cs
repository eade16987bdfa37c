using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>Delegates DNS-01 to an out-of-process cert-manager webhook solver through the Kubernetes API server.</summary>
public sealed class WebhookProvider : IDnsProvider
{
    /// <summary>Largest webhook answer read; a ChallengePayload echo with its config is a few KiB.</summary>
    public const long MaxResponseBytes = 256 * 1024;

    /// <summary>Longest wait for one webhook call, API server hop included.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly WebhookSettings _settings;
    private readonly WebhookSender _sender;
    private readonly ZoneResolver _zoneResolver;

    public WebhookProvider(WebhookSettings settings, WebhookSender sender, ZoneResolver? zoneResolver = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sender);
        _settings = settings;
        _sender = sender;
        _zoneResolver = zoneResolver ?? DefaultZoneResolver;
    }

    /// <summary>Finds the zone (<c>example.com.</c>) containing an fqdn.</summary>
    public delegate Task<string> ZoneResolver(string fqdn, CancellationToken ct);

    /// <summary>Path the payload is POSTed to, relative to the API server; throws when groupName or solverName is invalid.</summary>
    public string RequestPath => WebhookRequestPath.Build(_settings.GroupName, _settings.SolverName, out var error)
        ?? throw new WebhookSolverException(error!, null);

    public Task PresentAsync(string fqdn, string value, CancellationToken ct) =>
        CallAsync(ChallengeAction.Present, fqdn, value, ct);

    public Task CleanUpAsync(string fqdn, string value, CancellationToken ct) =>
        CallAsync(ChallengeAction.CleanUp, fqdn, value, ct);

    private async Task CallAsync(string action, string fqdn, string value, CancellationToken ct)
    {
        // Validated before anything else happens: an invalid name never becomes a request.
        var path = RequestPath;
        var name = DnsName.Normalize(fqdn);
        var zone = _settings.ResolvedZone is { } configured
            ? DnsName.Normalize(configured)
            : await _zoneResolver(name, ct).ConfigureAwait(false);
        var payload = new ChallengePayload
        {
            Request = new ChallengeRequest
            {
                Uid = Guid.NewGuid().ToString(),
                Action = action,
                DnsName = _settings.DnsName,
                Key = value,
                ResourceNamespace = _settings.ResourceNamespace,
                ResolvedFqdn = name,
                ResolvedZone = zone,
                AllowAmbientCredentials = _settings.AllowAmbientCredentials,
                Config = _settings.Config?.DeepClone(),
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(payload, WebhookJsonContext.Default.ChallengePayload),
        };
        var where = $"webhook {_settings.SolverName}.{_settings.GroupName} {action} for {name}";
        var (response, text) = await SendAsync(request, where, ct).ConfigureAwait(false);
        using var disposeResponse = response;
        if (!response.IsSuccessStatusCode)
        {
            // The API server answers with a metav1.Status when the APIService is missing or unavailable.
            var status = TryRead(text, WebhookJsonContext.Default.ChallengeResponseStatus);
            throw new WebhookSolverException(
                $"{where}: HTTP {(int)response.StatusCode}: {SafeExcerpt.From(status?.Message) ?? "no status message"}", response.StatusCode);
        }
        // Only "response" is read: some webhooks echo the request back, possibly trimmed.
        var answer = TryReadResponse(text)
            ?? throw new WebhookSolverException($"{where}: response has no 'response' object", response.StatusCode);
        if (!answer.Success)
        {
            throw new WebhookSolverException(
                $"{where}: webhook reported failure: {SafeExcerpt.From(answer.Status?.Message) ?? "no message"}", response.StatusCode);
        }
    }

    private async Task<(HttpResponseMessage Response, string Text)> SendAsync(HttpRequestMessage request, string where, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await _sender(request, timeout.Token).ConfigureAwait(false);
            var text = await BoundedContent.ReadAsStringAsync(response.Content, MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            return (response, text);
        }
        catch (Exception e) when (e is ResponseTooLargeException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            response?.Dispose();
            throw new WebhookSolverException(
                e is ResponseTooLargeException ? $"{where}: {e.Message}" : $"{where}: no answer within {CallTimeout.TotalSeconds:0} s", null);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private static T? TryRead<T>(string text, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ChallengeResponse? TryReadResponse(string text)
    {
        try
        {
            var node = text.Length == 0 ? null : JsonNode.Parse(text)?["response"];
            return node?.Deserialize(WebhookJsonContext.Default.ChallengeResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task<string> DefaultZoneResolver(string fqdn, CancellationToken ct) =>
        new DnsLookup().FindZoneAsync(DnsLookup.SystemResolvers(), fqdn, ct);
}

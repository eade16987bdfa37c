using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>Delegates DNS-01 to an out-of-process cert-manager webhook solver through the Kubernetes API server.</summary>
public sealed class WebhookProvider : IDnsProvider
{
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

    /// <summary>Path the payload is POSTed to, relative to the API server.</summary>
    public string RequestPath => $"/apis/{_settings.GroupName}/v1alpha1/{_settings.SolverName}";

    public Task PresentAsync(string fqdn, string value, CancellationToken ct) =>
        CallAsync(ChallengeAction.Present, fqdn, value, ct);

    public Task CleanUpAsync(string fqdn, string value, CancellationToken ct) =>
        CallAsync(ChallengeAction.CleanUp, fqdn, value, ct);

    private async Task CallAsync(string action, string fqdn, string value, CancellationToken ct)
    {
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
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(RequestPath, UriKind.Relative))
        {
            Content = JsonContent.Create(payload, WebhookJsonContext.Default.ChallengePayload),
        };
        using var response = await _sender(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        var where = $"webhook {_settings.SolverName}.{_settings.GroupName} {action} for {name}";
        if (!response.IsSuccessStatusCode)
        {
            // The API server answers with a metav1.Status when the APIService is missing or unavailable.
            var status = TryRead(text, WebhookJsonContext.Default.ChallengeResponseStatus);
            throw new WebhookSolverException(
                $"{where}: HTTP {(int)response.StatusCode}: {status?.Message ?? Truncate(text)}", response.StatusCode);
        }
        // Only "response" is read: some webhooks echo the request back, possibly trimmed.
        var answer = TryReadResponse(text)
            ?? throw new WebhookSolverException($"{where}: response has no 'response' object", response.StatusCode);
        if (!answer.Success)
        {
            throw new WebhookSolverException(
                $"{where}: webhook reported failure: {answer.Status?.Message ?? "no message"}", response.StatusCode);
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

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private static Task<string> DefaultZoneResolver(string fqdn, CancellationToken ct) =>
        new DnsLookup().FindZoneAsync(DnsLookup.SystemResolvers(), fqdn, ct);
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Solvers.Dns01.Cloudflare;

/// <summary>Publishes DNS-01 TXT values through the Cloudflare API v4 (zones and dns_records endpoints).</summary>
public sealed class CloudflareProvider : IDnsProvider
{
    private readonly CloudflareSettings _settings;
    private readonly HttpClient _http;
    private readonly string _base;

    public CloudflareProvider(CloudflareSettings settings, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(httpClient);
        if (settings.ApiToken is null && (settings.Email is null || settings.ApiKey is null))
        {
            throw new ArgumentException("Cloudflare needs an API token, or an email and API key", nameof(settings));
        }
        _settings = settings;
        _http = httpClient;
        var root = settings.BaseUri.ToString();
        _base = root.EndsWith('/') ? root : root + "/";
    }

    public async Task PresentAsync(string fqdn, string value, CancellationToken ct)
    {
        var name = DnsName.WithoutTrailingDot(fqdn);
        var zoneId = await FindZoneIdAsync(name, ct).ConfigureAwait(false);
        var existing = await FindRecordsAsync(zoneId, name, ct).ConfigureAwait(false);
        if (existing.Any(r => r.Content == value))
        {
            return;
        }
        using var request = NewRequest(HttpMethod.Post, $"zones/{Uri.EscapeDataString(zoneId)}/dns_records");
        request.Content = JsonContent.Create(new CloudflareTxtRecordRequest(name, value, _settings.Ttl), CloudflareJsonContext.Default.CloudflareTxtRecordRequest);
        await SendAsync(request, $"create TXT {name}", ct).ConfigureAwait(false);
    }

    public async Task CleanUpAsync(string fqdn, string value, CancellationToken ct)
    {
        var name = DnsName.WithoutTrailingDot(fqdn);
        var zoneId = await FindZoneIdAsync(name, ct).ConfigureAwait(false);
        var existing = await FindRecordsAsync(zoneId, name, ct).ConfigureAwait(false);
        foreach (var record in existing.Where(r => r.Content == value))
        {
            using var request = NewRequest(
                HttpMethod.Delete,
                $"zones/{Uri.EscapeDataString(zoneId)}/dns_records/{Uri.EscapeDataString(record.Id)}");
            await SendAsync(request, $"delete TXT {name}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>Zone id of the longest zone name that is a suffix of <paramref name="name"/>.</summary>
    public async Task<string> FindZoneIdAsync(string name, CancellationToken ct)
    {
        foreach (var candidate in DnsName.ZoneCandidates(name).Select(c => c.TrimEnd('.')))
        {
            using var request = NewRequest(HttpMethod.Get, $"zones?name={Uri.EscapeDataString(candidate)}");
            var result = await SendAsync(request, $"look up zone {candidate}", ct).ConfigureAwait(false);
            var zone = result?.AsArray().FirstOrDefault(z =>
                string.Equals(z?["name"]?.GetValue<string>(), candidate, StringComparison.OrdinalIgnoreCase));
            if (zone?["id"]?.GetValue<string>() is { } id)
            {
                return id;
            }
        }
        throw new DnsProviderException($"no Cloudflare zone found for {name} (is the token allowed to read the zone?)");
    }

    private async Task<IReadOnlyList<TxtRecordEntry>> FindRecordsAsync(string zoneId, string name, CancellationToken ct)
    {
        using var request = NewRequest(
            HttpMethod.Get,
            $"zones/{Uri.EscapeDataString(zoneId)}/dns_records?type=TXT&name={Uri.EscapeDataString(name)}");
        var result = await SendAsync(request, $"list TXT {name}", ct).ConfigureAwait(false);
        return [.. (result?.AsArray() ?? [])
            .Where(r => r?["id"] is not null)
            .Select(r => new TxtRecordEntry(r!["id"]!.GetValue<string>(), Unquote(r["content"]?.GetValue<string>() ?? string.Empty)))];
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relative)
    {
        var request = new HttpRequestMessage(method, new Uri(_base + relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_settings.ApiToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _settings.ApiToken);
        }
        else
        {
            request.Headers.Add("X-Auth-Email", _settings.Email);
            request.Headers.Add("X-Auth-Key", _settings.ApiKey);
        }
        return request;
    }

    // Every v4 response is an envelope {success, errors[], messages[], result}; returns result.
    private async Task<JsonNode?> SendAsync(HttpRequestMessage request, string what, CancellationToken ct)
    {
        var response = await DnsProviderHttp.SendAsync(_http, request, $"Cloudflare API: {what}", ct).ConfigureAwait(false);
        var text = response.Text;
        JsonNode? envelope = null;
        try
        {
            envelope = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            // Reported below as a failure without API errors.
        }
        var success = envelope?["success"]?.GetValue<bool>() ?? false;
        if (response.IsSuccessStatusCode && success)
        {
            return envelope!["result"];
        }
        var errors = envelope?["errors"]?.AsArray()
            .Take(5)
            .Select(e => (Code: e?["code"]?.GetValue<int>() ?? 0, Message: Outbound.SafeExcerpt.From(e?["message"]?.GetValue<string>()) ?? string.Empty))
            .ToList() ?? [];
        var detail = errors.Count > 0
            ? string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}"))
            : "no error details";
        throw new CloudflareApiException(
            $"Cloudflare API: {what} failed with HTTP {(int)response.StatusCode}: {detail}",
            response.StatusCode,
            [.. errors.Select(e => e.Code)]);
    }

    // Cloudflare may return TXT content in its quoted zone-file form.
    private static string Unquote(string content) =>
        content.Length >= 2 && content[0] == '"' && content[^1] == '"' ? content[1..^1] : content;

    private sealed record TxtRecordEntry(string Id, string Content);
}

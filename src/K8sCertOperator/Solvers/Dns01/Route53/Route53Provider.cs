using System.Net.Http.Headers;
using System.Text;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>Publishes DNS-01 TXT values through the Route53 REST API, signed with SigV4, keeping other values in the set.</summary>
public sealed class Route53Provider : IDnsProvider
{
    private const string ApiVersion = "2013-04-01";
    private const string Service = "route53";

    private readonly Route53Settings _settings;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly string _base;

    public Route53Provider(Route53Settings settings, HttpClient httpClient, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(httpClient);
        _settings = settings;
        _http = httpClient;
        _clock = clock ?? TimeProvider.System;
        var root = settings.BaseUri.ToString();
        _base = (root.EndsWith('/') ? root : root + "/") + ApiVersion + "/";
    }

    public async Task PresentAsync(string fqdn, string value, CancellationToken ct)
    {
        var name = DnsName.Normalize(fqdn);
        var zoneId = await HostedZoneIdAsync(name, ct).ConfigureAwait(false);
        var existing = await GetTxtSetAsync(zoneId, name, ct).ConfigureAwait(false);
        var values = existing?.Values ?? [];
        if (values.Contains(value, StringComparer.Ordinal))
        {
            return;
        }
        // UPSERT replaces the whole set, so the set we send must carry every value already there.
        var set = new Route53TxtRecordSet(name, _settings.Ttl, [.. values, value]);
        await ChangeAsync(zoneId, "UPSERT", set, ct).ConfigureAwait(false);
    }

    public async Task CleanUpAsync(string fqdn, string value, CancellationToken ct)
    {
        var name = DnsName.Normalize(fqdn);
        var zoneId = await HostedZoneIdAsync(name, ct).ConfigureAwait(false);
        var existing = await GetTxtSetAsync(zoneId, name, ct).ConfigureAwait(false);
        if (existing is null || !existing.Values.Contains(value, StringComparer.Ordinal))
        {
            return;
        }
        var remaining = existing.Values.Where(v => v != value).ToList();
        // DELETE must name the set exactly as stored (TTL and all values); otherwise keep the rest.
        await (remaining.Count == 0
            ? ChangeAsync(zoneId, "DELETE", existing, ct)
            : ChangeAsync(zoneId, "UPSERT", existing with { Values = remaining }, ct)).ConfigureAwait(false);
    }

    /// <summary>The configured hosted zone, or the public zone whose name is the longest suffix of <paramref name="name"/>.</summary>
    public async Task<string> HostedZoneIdAsync(string name, CancellationToken ct)
    {
        if (_settings.HostedZoneId is { Length: > 0 } configured)
        {
            return configured.StartsWith("/hostedzone/", StringComparison.Ordinal) ? configured["/hostedzone/".Length..] : configured;
        }
        foreach (var candidate in DnsName.ZoneCandidates(name))
        {
            var xml = await SendAsync(HttpMethod.Get,
                $"hostedzonesbyname?dnsname={Uri.EscapeDataString(candidate)}&maxitems=1", null,
                $"look up hosted zone {candidate}", ct).ConfigureAwait(false);
            if (Route53Xml.HostedZoneId(xml, candidate) is { } id)
            {
                return id;
            }
        }
        throw new DnsProviderException($"no Route53 hosted zone found for {name}; set hostedZoneID or check the credentials");
    }

    private async Task<Route53TxtRecordSet?> GetTxtSetAsync(string zoneId, string name, CancellationToken ct)
    {
        var xml = await SendAsync(HttpMethod.Get,
            $"hostedzone/{Uri.EscapeDataString(zoneId)}/rrset?name={Uri.EscapeDataString(name)}&type=TXT&maxitems=1", null,
            $"list TXT {name}", ct).ConfigureAwait(false);
        return Route53Xml.TxtRecordSet(xml, name);
    }

    private Task ChangeAsync(string zoneId, string action, Route53TxtRecordSet set, CancellationToken ct) =>
        SendAsync(HttpMethod.Post,
            $"hostedzone/{Uri.EscapeDataString(zoneId)}/rrset/",
            Route53Xml.ChangeBatch(action, set, "k8s-cert-operator ACME DNS-01 challenge"),
            $"{action} TXT {set.Name}", ct);

    private async Task<string> SendAsync(HttpMethod method, string relative, string? body, string what, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(_base + relative));
        var payload = body is null ? [] : Encoding.UTF8.GetBytes(body);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        }
        AwsSigV4Signer.Sign(request, payload, _settings.Credentials, _settings.Region, Service, _clock.GetUtcNow());
        var response = await DnsProviderHttp.SendAsync(_http, request, $"Route53 API: {what}", ct).ConfigureAwait(false);
        var text = response.Text;
        if (response.IsSuccessStatusCode)
        {
            return text;
        }
        var (code, message) = Route53Xml.Error(text);
        throw new Route53ApiException(
            $"Route53 API: {what} failed with HTTP {(int)response.StatusCode}: {SafeExcerpt.From(code, 60) ?? "no error code"}: {SafeExcerpt.From(message) ?? "no message"}",
            response.StatusCode,
            code);
    }
}

using System.Net;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>
/// One exchange with a hosted DNS API (Cloudflare, Route53): bounded time, and a body read only up to
/// <see cref="MaxResponseBytes"/>. Too big or too slow is a <see cref="DnsProviderException"/>, which the Challenge shows.
/// </summary>
public static class DnsProviderHttp
{
    /// <summary>Largest API answer read; zone and record listings asked for here are a few KiB.</summary>
    public const long MaxResponseBytes = 1024 * 1024;

    /// <summary>Longest wait for one call, body included.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The client for hosted DNS APIs: no redirects (the APIs use none, and credentials must not follow one),
    /// bounded connect time; the per-call timeout is <see cref="CallTimeout"/>.
    /// </summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = CallTimeout + TimeSpan.FromSeconds(5),
    };

    public static async Task<DnsProviderHttpResponse> SendAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var text = await BoundedContent.ReadAsStringAsync(response.Content, MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            return new DnsProviderHttpResponse(response.StatusCode, text);
        }
        catch (ResponseTooLargeException e)
        {
            throw new DnsProviderException($"{what}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DnsProviderException($"{what}: no answer within {CallTimeout.TotalSeconds:0} s", e);
        }
    }
}

using System.Net;
using K8sCertOperator.Outbound;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// GETs the challenge URL the way a CA would before the CA is asked to: redirects followed by hand, at most
/// <see cref="MaxRedirects"/>, only to http/https on ports 80/443 (what Let's Encrypt follows), never to loopback or
/// link-local addresses unless allowed, body read up to <see cref="MaxBodyBytes"/>. The Challenge only gets a
/// generic reason ("connection failed", "HTTP 404"); addresses, redirect targets and exception text go to the log
/// at Debug, so the self-check cannot be used to scan or read internal services through the Challenge status.
/// </summary>
public sealed class Http01SelfCheck
{
    /// <summary>Redirects followed; a CA follows up to 10, a challenge path needs one or two (http→https, www).</summary>
    public const int MaxRedirects = 3;

    /// <summary>A key authorization is under 100 bytes; a few KiB leaves room for whitespace and nothing else.</summary>
    public const long MaxBodyBytes = 4 * 1024;

    /// <summary>Longest wait for the whole self-check, redirects included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly ILogger _logger;

    /// <param name="http">A client that does not follow redirects itself (see <see cref="CreateClient"/>).</param>
    public Http01SelfCheck(HttpClient http, ILogger logger)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// The self-check client: no automatic redirects or decompression, connections only to public or private
    /// addresses (plus loopback and link-local when <paramref name="allowLoopback"/>, for tests on one machine).
    /// </summary>
    public static HttpClient CreateClient(bool allowLoopback)
    {
        var connector = new GuardedConnector(c => c is AddressClass.Public or AddressClass.Private ||
                                                  (allowLoopback && c is AddressClass.Loopback or AddressClass.LinkLocal));
        var handler = connector.Apply(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        });
        // A CA does not check the certificate of an https redirect target either; nothing secret is sent.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>Checks <c>http://DNSNAME/.well-known/acme-challenge/TOKEN</c>, the URL the CA will fetch.</summary>
    public Task<SolverCheckResult> CheckAsync(string dnsName, string token, string expectedKey, CancellationToken ct) =>
        CheckUrlAsync(new Uri($"http://{dnsName}{Http01Responder.PathPrefix}{token}"), expectedKey, ct);

    /// <summary>Checks that <paramref name="url"/> serves <paramref name="expectedKey"/>; any URL, for tests on other ports.</summary>
    public async Task<SolverCheckResult> CheckUrlAsync(Uri url, string expectedKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            var target = url;
            for (var redirects = 0; ; redirects++)
            {
                using var response = await _http.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = new Uri(target, location);
                    if (Refusal(next, redirects) is { } refused)
                    {
                        _logger.LogDebug("Self-check of {Url}: not following redirect to {Target}: {Reason}", url, next, refused);
                        return SolverCheckResult.NotYet($"self-check GET {url}: {refused}");
                    }

                    target = next;
                    continue;
                }

                if (status is < 200 or >= 300)
                {
                    return SolverCheckResult.NotYet($"self-check GET {url}: HTTP {status}, not served");
                }

                var body = (await BoundedContent.ReadAsStringAsync(response.Content, MaxBodyBytes, timeout.Token).ConfigureAwait(false)).Trim();
                return body == expectedKey
                    ? SolverCheckResult.Ready($"{url} serves the key authorization")
                    : SolverCheckResult.NotYet($"self-check GET {url}: HTTP {status}, wrong body");
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException or ResponseTooLargeException)
        {
            _logger.LogDebug(e, "Self-check of {Url} failed", url);
            return SolverCheckResult.NotYet($"self-check GET {url}: {Generic(e)}");
        }
    }

    /// <summary>Why a redirect is not followed; null to follow it. Pure, for tests.</summary>
    public static string? Refusal(Uri next, int redirectsSoFar)
    {
        if (redirectsSoFar >= MaxRedirects)
        {
            return $"more than {MaxRedirects} redirects";
        }

        var allowed = (next.Scheme == Uri.UriSchemeHttp && next.Port == 80) || (next.Scheme == Uri.UriSchemeHttps && next.Port == 443);
        return allowed ? null : "redirect to a URL a CA would not follow (only http and https on ports 80 and 443)";
    }

    private static string Generic(Exception e) => e switch
    {
        ResponseTooLargeException => $"body larger than {BoundedContent.Describe(MaxBodyBytes)}",
        OperationCanceledException => "timed out",
        _ when FindRefusal(e) is { } refused =>
            $"the name or a redirect resolves to a {OutboundAddressRefusedException.Describe(refused.AddressClass)} address, which the self-check does not contact",
        _ => "connection failed",
    };

    private static OutboundAddressRefusedException? FindRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is OutboundAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}

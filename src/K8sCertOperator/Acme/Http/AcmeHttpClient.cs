using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Acme.Http;

/// <summary>
/// The one place that knows about nonces and retries: signed POSTs with a pooled Replay-Nonce,
/// badNonce re-sent with the fresh nonce, Retry-After honoured on 429/503, bounded backoff on
/// 5xx and network errors, and problem documents turned into <see cref="AcmeProtocolException"/>. Bodies are read
/// up to <see cref="AcmeHttpOptions.MaxResponseBytes"/> (decompressed bytes counted), and with an origin set, no
/// request leaves for a URL outside it.
/// Every attempt, retries included, is reported to <see cref="AcmeHttpOptions.RequestObserver"/> under the
/// caller's <see cref="AcmeAction"/>.
/// </summary>
public sealed class AcmeHttpClient
{
    private const string JoseContentType = "application/jose+json";
    private readonly HttpClient _http;
    private readonly Func<CancellationToken, Task<Uri>> _newNonceUrl;
    private readonly AcmeHttpOptions _options;
    private readonly ILogger _logger;
    private readonly AcmeOrigin? _origin;

    /// <param name="http">Owned by the caller; its handler decides which TLS roots are trusted.</param>
    /// <param name="newNonceUrl">Resolves the directory's newNonce URL when the pool runs dry.</param>
    /// <param name="origin">When set, requests to URLs on any other origin are refused before they are sent.</param>
    public AcmeHttpClient(HttpClient http, Func<CancellationToken, Task<Uri>> newNonceUrl, AcmeHttpOptions? options = null, ILogger? logger = null,
        AcmeOrigin? origin = null)
    {
        _http = http;
        _newNonceUrl = newNonceUrl;
        _options = options ?? new AcmeHttpOptions();
        _logger = logger ?? NullLogger.Instance;
        _origin = origin;
    }

    public NoncePool Nonces { get; } = new();

    /// <summary>An unauthenticated GET (directory, renewalInfo).</summary>
    public Task<AcmeResponse> GetAsync(AcmeAction action, Uri url, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(action, url, () => Task.FromResult(NewRequest(HttpMethod.Get, url, null)), poolNonce: true, cancellationToken);

    /// <summary>
    /// A signed POST. <paramref name="sign"/> receives the nonce to put in the protected header and is
    /// called again, with a fresh nonce, whenever the request has to be re-sent.
    /// </summary>
    public Task<AcmeResponse> PostAsync(AcmeAction action, Uri url, Func<string, JwsMessage> sign, string? accept, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(action, url, async () =>
        {
            var nonce = Nonces.TryTake(out var pooled) ? pooled : await FetchNonceAsync(cancellationToken).ConfigureAwait(false);
            var jws = sign(nonce);
            var request = NewRequest(HttpMethod.Post, url, accept);
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(jws, AcmeJsonContext.Default.JwsMessage));
            content.Headers.ContentType = new MediaTypeHeaderValue(JoseContentType);
            request.Content = content;
            return request;
        }, poolNonce: true, cancellationToken);

    /// <summary>Gets a fresh nonce with HEAD newNonce (RFC 8555 §7.2); it goes to the caller, not the pool.</summary>
    public async Task<string> FetchNonceAsync(CancellationToken cancellationToken)
    {
        var url = await _newNonceUrl(cancellationToken).ConfigureAwait(false);
        // Not pooled: a pooled copy could be handed to a concurrent request and be used twice.
        var response = await SendWithRetriesAsync(AcmeAction.NewNonce, url, () => Task.FromResult(NewRequest(HttpMethod.Head, url, null)), poolNonce: false, cancellationToken)
            .ConfigureAwait(false);
        return response.ReplayNonce ?? throw new AcmeProtocolException($"newNonce at {url} returned no Replay-Nonce header");
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri url, string? accept)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.UserAgent.ParseAdd(_options.UserAgent);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        return request;
    }

    private async Task<AcmeResponse> SendWithRetriesAsync(AcmeAction action, Uri url, Func<Task<HttpRequestMessage>> build, bool poolNonce, CancellationToken cancellationToken)
    {
        _origin?.Require(url, action.ToString());
        var badNonceRetries = 0;
        var transientRetries = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AcmeResponse response;
            try
            {
                response = await ExchangeAsync(action, build, poolNonce, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransportFailure(e, cancellationToken))
            {
                if (transientRetries >= _options.MaxTransientRetries)
                {
                    throw new AcmeProtocolException($"request to {url} failed after {transientRetries + 1} attempts: {e.Message}", e);
                }
                transientRetries++;
                var delay = _options.TransientBackoff.Delay(transientRetries, Random.Shared.NextDouble());
                _logger.LogDebug("ACME request to {Url} failed ({Error}); retry {Attempt} in {Delay}", url, e.Message, transientRetries, delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return response;
            }

            var error = new AcmeProtocolException(AcmeProblemReader.Read(response), status, response.RetryAfter, url);
            if (error.IsBadNonce && badNonceRetries < _options.MaxBadNonceRetries)
            {
                // The error response carried a fresh nonce, now in the pool; re-sign with it.
                badNonceRetries++;
                _logger.LogDebug("ACME badNonce from {Url}; re-sending ({Attempt}/{Max})", url, badNonceRetries, _options.MaxBadNonceRetries);
                continue;
            }
            var wait = RetryDelay(status, response.RetryAfter, transientRetries + 1);
            if (wait is { } delayBeforeRetry && transientRetries < _options.MaxTransientRetries)
            {
                transientRetries++;
                _logger.LogDebug("ACME {Status} from {Url}; retry {Attempt} in {Delay}", status, url, transientRetries, delayBeforeRetry);
                await Task.Delay(delayBeforeRetry, cancellationToken).ConfigureAwait(false);
                continue;
            }
            throw error;
        }
    }

    // Null means "do not retry in-line". 429/503 with a short Retry-After are waited out; other 5xx back off.
    private TimeSpan? RetryDelay(int status, TimeSpan? retryAfter, int attempt)
    {
        if (status is 429 or 503 && retryAfter is { } requested)
        {
            return requested <= _options.MaxInlineRetryAfter ? requested : null;
        }
        if (status >= 500)
        {
            return _options.TransientBackoff.Delay(attempt, Random.Shared.NextDouble());
        }
        return null;
    }

    /// <summary>The single send point: one HTTP attempt, reported to the request observer.</summary>
    private async Task<AcmeResponse> ExchangeAsync(AcmeAction action, Func<Task<HttpRequestMessage>> build, bool poolNonce, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = await build().ConfigureAwait(false);
        var started = _options.TimeProvider.GetTimestamp();
        AcmeResponse exchanged;
        try
        {
            exchanged = await SendAsync(request, poolNonce, MaxBytes(action), timeout.Token).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException e)
        {
            Observe(action, request, null, started);
            throw new AcmeProtocolException($"ACME {action} response from {SafeExcerpt.From(request.RequestUri!.AbsolutePath, 100)}: {e.Message}", e);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellationToken))
        {
            // A request the caller abandoned (cancellation) says nothing about the server and is not recorded.
            Observe(action, request, null, started);
            throw;
        }
        Observe(action, request, exchanged.StatusCode, started);
        return exchanged;
    }

    private void Observe(AcmeAction action, HttpRequestMessage request, HttpStatusCode? status, long started) =>
        _options.RequestObserver.RequestCompleted(action, request.Method, request.RequestUri!, status, _options.TimeProvider.GetElapsedTime(started));

    private long MaxBytes(AcmeAction action) => action == AcmeAction.Certificate ? _options.MaxCertificateResponseBytes : _options.MaxResponseBytes;

    private async Task<AcmeResponse> SendAsync(HttpRequestMessage request, bool poolNonce, long maxBytes, CancellationToken timeoutToken)
    {
        // Headers only: the body is read by BoundedContent, which stops at the cap (ResponseContentRead would buffer it all).
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutToken).ConfigureAwait(false);
        var body = await BoundedContent.ReadAsBytesAsync(response.Content, maxBytes, timeoutToken).ConfigureAwait(false);
        var replayNonce = response.Headers.TryGetValues("Replay-Nonce", out var nonces) ? nonces.FirstOrDefault()?.Trim() : null;
        if (poolNonce)
        {
            // Error responses carry nonces too; a badNonce retry relies on exactly that one.
            Nonces.Add(replayNonce);
        }
        return new AcmeResponse
        {
            RequestUri = request.RequestUri!,
            StatusCode = response.StatusCode,
            Location = response.Headers.Location is { } location ? new Uri(request.RequestUri!, location) : null,
            ContentType = response.Content.Headers.ContentType?.MediaType,
            RetryAfter = RetryAfterParser.From(response.Headers, _options.TimeProvider.GetUtcNow()),
            Links = response.Headers.TryGetValues("Link", out var links) ? links.ToList() : [],
            ReplayNonce = replayNonce,
            Body = body,
        };
    }

    private static bool IsTransportFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}

using System.Net;
using System.Text;
using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>
/// Replays canned HTTP responses and records requests. Only for the retry rules of the HTTP layer
/// (429/503/5xx/badNonce sequences) that the Pebble integration tests cannot provoke on demand.
/// </summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _next;

    /// <summary>Retry options with millisecond backoff, so retry tests do not wait.</summary>
    public static AcmeHttpOptions FastRetries { get; } = new()
    {
        TransientBackoff = new BackoffPolicy(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
    };

    public List<(HttpMethod Method, Uri Url, string? ContentType, string Body)> Requests { get; } = [];

    /// <summary>A 400 badNonce problem carrying <paramref name="nonce"/>, as a CA answers a stale nonce.</summary>
    public static HttpResponseMessage RespondBadNonce(string nonce) =>
        Respond(HttpStatusCode.BadRequest, nonce: nonce, body: """{"type":"urn:ietf:params:acme:error:badNonce","detail":"stale"}""",
            contentType: "application/problem+json");

    public static HttpResponseMessage Respond(HttpStatusCode status, string? nonce = null, string? body = null,
        string contentType = "application/json", string? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty, Encoding.UTF8, contentType) };
        if (nonce is not null)
        {
            response.Headers.Add("Replay-Nonce", nonce);
        }
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), body));
        if (_next >= script.Length)
        {
            throw new InvalidOperationException($"unexpected request #{_next + 1} to {request.RequestUri}");
        }
        return script[_next++](request);
    }
}

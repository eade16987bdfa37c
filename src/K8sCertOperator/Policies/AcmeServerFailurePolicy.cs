using System.Net.Sockets;
using System.Security.Authentication;
using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Policies;

/// <summary>
/// Pure decision for ACME calls that threw: is it an outage of the ACME server (network error, timeout, 5xx, rate
/// limit) that must not fail the Order or Challenge, and how soon to try again. The retry is short and grows per
/// object (1 s, 2 s, 4 s … 30 s) so work resumes within seconds of the server coming back, instead of riding the
/// work queue's failure backoff, which grows to many minutes.
/// </summary>
public static class AcmeServerFailurePolicy
{
    /// <summary>Event reason: no answer at all (connection refused, reset, DNS, TLS, timeout).</summary>
    public const string Unreachable = "ACMEServerUnreachable";

    /// <summary>Event reason: the server answered 5xx (after the HTTP layer's own retries).</summary>
    public const string ServerError = "ACMEServerError";

    /// <summary>Event reason: the server asked us to slow down (429 / rateLimited).</summary>
    public const string RateLimited = "ACMERateLimited";

    /// <summary>status.reason of an object waiting out an outage starts with this, so recovery knows what to clear.</summary>
    public const string StatusPrefix = "Waiting for the ACME server: ";

    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);

    /// <summary>A server's Retry-After is honoured up to this, so a confused server cannot park work for hours.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private static readonly Kube.ExponentialBackoff Ladder = new(FirstRetry, MaxRetry);

    /// <summary>
    /// The outage <paramref name="error"/> (thrown by an ACME client for <paramref name="server"/>) stands for, or null
    /// when it is something else (a refusal, a bug, shutdown) that the caller handles as before.
    /// </summary>
    public static AcmeServerFailure? Classify(Exception error, Uri server)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(server);
        var where = server.GetLeftPart(UriPartial.Authority);
        switch (error)
        {
            case AcmeProtocolException { IsTransportFailure: true } wrapped:
                return NoAnswer(where, wrapped.InnerException!);
            case AcmeProtocolException { IsRateLimited: true } limited:
                return new AcmeServerFailure(RateLimited, $"{StatusPrefix}{where} is rate limiting requests: {limited.Detail}", limited.RetryAfter);
            case AcmeProtocolException { IsTransient: true } transient:
                return new AcmeServerFailure(ServerError, $"{StatusPrefix}{where} answered HTTP {transient.Status}: {transient.Detail}", transient.RetryAfter);
            default:
                // Refusals (4xx problems) stay the caller's business. So do raw HttpRequestException and timeouts:
                // the ACME HTTP layer wraps every transport failure after its retries, so a raw one came from
                // somewhere else (the Kubernetes API) and is not an ACME outage.
                return null;
        }
    }

    /// <summary>Delay before retry number <paramref name="attempt"/> (0-based) of one object; never below a Retry-After.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter = null)
    {
        return HonourRetryAfter(Ladder.Delay(Math.Max(attempt, 0) + 1), retryAfter);
    }

    /// <summary><paramref name="delay"/>, or the server's longer Retry-After capped at <see cref="MaxRetryAfter"/>.</summary>
    public static TimeSpan HonourRetryAfter(TimeSpan delay, TimeSpan? retryAfter) =>
        retryAfter is { } hint && hint > delay ? (hint < MaxRetryAfter ? hint : MaxRetryAfter) : delay;

    /// <summary>True when <paramref name="statusReason"/> was written by an outage and can be cleared once calls work again.</summary>
    public static bool IsOutageReason(string? statusReason) =>
        statusReason is not null && statusReason.StartsWith(StatusPrefix, StringComparison.Ordinal);

    private static AcmeServerFailure NoAnswer(string where, Exception transport)
    {
        // The innermost cause (e.g. "Connection refused (127.0.0.1:14000)") is what a user acts on, and unlike the
        // wrapper's text it does not name the request URL, so repeated failures read the same.
        var cause = transport;
        while (cause.InnerException is not null && cause is not SocketException and not AuthenticationException)
        {
            cause = cause.InnerException;
        }

        var what = cause is OperationCanceledException or TimeoutException ? "timed out" : cause.Message;
        var tls = cause is AuthenticationException ? " (TLS: check spec.acme.caBundle)" : "";
        return new AcmeServerFailure(Unreachable, $"{StatusPrefix}cannot reach {where}{tls}: {what}");
    }
}

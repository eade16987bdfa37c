using System.Net.Sockets;
using System.Security.Authentication;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Exception → outcome table for ACME calls, and the short per-object retry ladder.</summary>
public sealed class AcmeServerFailurePolicyTests
{
    private static readonly Uri Server = new("https://acme.example:14000/dir");

    public static TheoryData<string, Exception, string?, string?> Cases => new()
    {
        {
            "connection refused after the HTTP layer's retries",
            Wrapped(new HttpRequestException("Connection refused (acme.example:14000)", new SocketException((int)SocketError.ConnectionRefused))),
            AcmeServerFailurePolicy.Unreachable, "cannot reach https://acme.example:14000: Connection refused"
        },
        {
            "HttpClient timeout (TaskCanceledException not from the caller)",
            Wrapped(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout")),
            AcmeServerFailurePolicy.Unreachable, "cannot reach https://acme.example:14000: timed out"
        },
        {
            "TLS handshake failure",
            Wrapped(new HttpRequestException("The SSL connection could not be established", new AuthenticationException("remote certificate is invalid"))),
            AcmeServerFailurePolicy.Unreachable, "(TLS: check spec.acme.caBundle): remote certificate is invalid"
        },
        {
            "connection reset mid-response",
            Wrapped(new IOException("Unable to read data from the transport connection")),
            AcmeServerFailurePolicy.Unreachable, "Unable to read data from the transport connection"
        },
        {
            "503 after the HTTP layer's retries",
            Problem(503, null, "service unavailable"),
            AcmeServerFailurePolicy.ServerError, "answered HTTP 503: service unavailable"
        },
        {
            "500 serverInternal",
            Problem(500, AcmeProblemTypes.ServerInternal, "boom"),
            AcmeServerFailurePolicy.ServerError, "answered HTTP 500: boom"
        },
        {
            "429 rate limited",
            Problem(429, AcmeProblemTypes.RateLimited, "too many new orders"),
            AcmeServerFailurePolicy.RateLimited, "is rate limiting requests: too many new orders"
        },
        {
            "badNonce still after the in-line retries",
            Problem(400, AcmeProblemTypes.BadNonce, "bad nonce"),
            AcmeServerFailurePolicy.ServerError, "answered HTTP 400: bad nonce"
        },
        { "rejectedIdentifier is a refusal", Problem(400, AcmeProblemTypes.RejectedIdentifier, "no"), null, null },
        { "unauthorized is a refusal", Problem(403, AcmeProblemTypes.Unauthorized, "no"), null, null },
        { "404 on an order URL is a refusal", Problem(404, null, "not found"), null, null },
        { "malformed JSON from the server is not an outage", new AcmeProtocolException("malformed AcmeOrder", new System.Text.Json.JsonException("bad")), null, null },
        { "raw HttpRequestException comes from the Kubernetes API, not ACME", new HttpRequestException("Connection refused"), null, null },
        { "raw cancellation is shutdown", new OperationCanceledException(), null, null },
        { "a bug is not an outage", new InvalidOperationException("oops"), null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_table(string scenario, Exception error, string? expectedReason, string? messageContains)
    {
        var failure = AcmeServerFailurePolicy.Classify(error, Server);

        Assert.True(expectedReason == failure?.EventReason, $"{scenario}: expected {expectedReason ?? "null"}, got {failure?.EventReason ?? "null"}");
        if (failure is not null)
        {
            Assert.StartsWith(AcmeServerFailurePolicy.StatusPrefix, failure.Message, StringComparison.Ordinal);
            Assert.True(AcmeServerFailurePolicy.IsOutageReason(failure.Message), scenario);
            Assert.Contains(messageContains!, failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unreachable_message_does_not_depend_on_the_request_url()
    {
        // The status reason and the Event must read the same on every retry so both dedupe.
        var a = AcmeServerFailurePolicy.Classify(Wrapped(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused)), "/my-order/1"), Server);
        var b = AcmeServerFailurePolicy.Classify(Wrapped(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused)), "/nonce-plz"), Server);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Rate_limit_carries_the_retry_after()
    {
        var error = new AcmeProtocolException(new AcmeProblem { Type = AcmeProblemTypes.RateLimited }, 429, TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(90), AcmeServerFailurePolicy.Classify(error, Server)!.RetryAfter);
    }

    [Theory]
    [InlineData(0, null, 1)]
    [InlineData(1, null, 2)]
    [InlineData(2, null, 4)]
    [InlineData(3, null, 8)]
    [InlineData(4, null, 16)]
    [InlineData(5, null, 30)]
    [InlineData(50, null, 30)]
    [InlineData(-1, null, 1)]
    [InlineData(0, 10, 10)]
    [InlineData(5, 10, 30)]
    [InlineData(0, 3600, 300)]
    public void Delay_grows_per_attempt_to_a_cap(int attempt, int? retryAfterSeconds, int expectedSeconds)
    {
        TimeSpan? retryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), AcmeServerFailurePolicy.Delay(attempt, retryAfter));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("order is invalid: urn:ietf:params:acme:error:unauthorized", false)]
    [InlineData(AcmeServerFailurePolicy.StatusPrefix + "cannot reach https://x: refused", true)]
    public void Only_outage_reasons_are_cleared_on_recovery(string? reason, bool isOutage)
    {
        Assert.Equal(isOutage, AcmeServerFailurePolicy.IsOutageReason(reason));
    }

    private static AcmeProtocolException Wrapped(Exception transport, string path = "/my-order/1") =>
        new($"request to https://acme.example:14000{path} failed after 4 attempts: {transport.Message}", transport);

    private static AcmeProtocolException Problem(int status, string? type, string detail) =>
        new(new AcmeProblem { Type = type, Detail = detail, Status = status }, status, null, new Uri(Server, "/my-order/1"));
}

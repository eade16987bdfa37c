using System.Net;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using static K8sCertOperator.Tests.Acme.Http.ScriptedHandler;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>Every attempt of <see cref="AcmeHttpClient"/> reaches the request observer, retries and failures included.</summary>
public class AcmeHttpClientObserverTests
{
    private static readonly Uri NewNonce = new("https://acme.test/new-nonce");
    private static readonly Uri Target = new("https://acme.test/order/8f3a");

    [Fact]
    public async Task An_empty_pool_records_the_nonce_fetch_then_the_post()
    {
        var handler = new ScriptedHandler(
            _ => Respond(HttpStatusCode.OK, nonce: "n1"),
            _ => Respond(HttpStatusCode.Created, nonce: "n2", body: "{}"));
        var (client, observer) = Create(handler);

        await client.PostAsync(AcmeAction.NewOrder, Target, Sign, null, CancellationToken.None);

        Assert.Equal([("new-nonce", "HEAD", "acme.test", 200), ("new-order", "POST", "acme.test", (int?)201)], observer.Attempts);
        Assert.All(observer.Durations, d => Assert.True(d >= TimeSpan.Zero));
    }

    [Fact]
    public async Task A_retried_bad_nonce_is_counted_twice()
    {
        var handler = new ScriptedHandler(
            _ => RespondBadNonce("fresh"),
            _ => Respond(HttpStatusCode.Created, nonce: "next", body: "{}"));
        var (client, observer) = Create(handler);
        client.Nonces.Add("stale");

        await client.PostAsync(AcmeAction.NewOrder, Target, Sign, null, CancellationToken.None);

        Assert.Equal([("new-order", "POST", "acme.test", 400), ("new-order", "POST", "acme.test", (int?)201)], observer.Attempts);
    }

    [Fact]
    public async Task A_transport_error_is_recorded_without_a_status()
    {
        var handler = new ScriptedHandler(
            _ => throw new HttpRequestException("connection refused"),
            _ => Respond(HttpStatusCode.OK, body: "{}"));
        var (client, observer) = Create(handler);

        await client.GetAsync(AcmeAction.Directory, Target, CancellationToken.None);

        Assert.Equal([("directory", "GET", "acme.test", null), ("directory", "GET", "acme.test", (int?)200)], observer.Attempts);
    }

    [Fact]
    public async Task A_timeout_is_recorded_without_a_status()
    {
        var handler = new StallingHandler();
        var (client, observer) = Create(handler, new AcmeHttpOptions { MaxTransientRetries = 0, RequestTimeout = TimeSpan.FromMilliseconds(20) });

        await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetAsync(AcmeAction.RenewalInfo, Target, CancellationToken.None));

        Assert.Equal([("renewal-info", "GET", "acme.test", (int?)null)], observer.Attempts);
    }

    [Fact]
    public async Task Server_errors_are_recorded_per_attempt_until_the_bound()
    {
        var script = Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(_ => Respond(HttpStatusCode.InternalServerError), 5).ToArray();
        var (client, observer) = Create(new ScriptedHandler(script), FastRetries with { MaxTransientRetries = 2 });

        await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetAsync(AcmeAction.Directory, Target, CancellationToken.None));

        Assert.Equal(3, observer.Attempts.Count);
        Assert.All(observer.Attempts, a => Assert.Equal(("directory", "GET", 500), (a.Action, a.Method, a.Status)));
    }

    [Fact]
    public async Task A_request_the_caller_cancels_is_not_recorded()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new ScriptedHandler(_ =>
        {
            cancel.Cancel();
            throw new OperationCanceledException(cancel.Token);
        });
        var (client, observer) = Create(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(AcmeAction.Directory, Target, cancel.Token));

        Assert.Empty(observer.Attempts);
    }

    private static readonly IJwsSigner Signer = JwsSigners.CreateEs256();

    private static JwsMessage Sign(string nonce) => JwsEncoder.Sign(Signer, "{}"u8, Target, nonce, new Uri("https://acme.test/acct/1"));

    private static (AcmeHttpClient Client, RecordingRequestObserver Observer) Create(HttpMessageHandler handler, AcmeHttpOptions? options = null)
    {
        var observer = new RecordingRequestObserver();
        var http = new HttpClient(handler);
        return (new AcmeHttpClient(http, _ => Task.FromResult(NewNonce), (options ?? FastRetries) with { RequestObserver = observer }), observer);
    }

    /// <summary>Never answers, so only the per-request timeout ends the exchange.</summary>
    private sealed class StallingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}

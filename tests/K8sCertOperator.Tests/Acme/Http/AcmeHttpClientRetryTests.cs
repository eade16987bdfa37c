using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using static K8sCertOperator.Tests.Acme.Http.ScriptedHandler;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>Retry rules of <see cref="AcmeHttpClient"/> against scripted responses.</summary>
public class AcmeHttpClientRetryTests
{
    private static readonly Uri NewNonce = new("https://acme.test/new-nonce");
    private static readonly Uri Target = new("https://acme.test/order");

    [Fact]
    public async Task Empty_pool_fetches_a_nonce_with_head_then_reuses_response_nonces()
    {
        var handler = new ScriptedHandler(
            _ => Respond(HttpStatusCode.OK, nonce: "n1"),
            _ => Respond(HttpStatusCode.OK, nonce: "n2", body: "{}"),
            _ => Respond(HttpStatusCode.OK, nonce: "n3", body: "{}"));
        var (client, signer) = Create(handler);

        await client.PostAsync(AcmeAction.GetOrder, Target, n => Sign(signer, n), null, CancellationToken.None);
        await client.PostAsync(AcmeAction.GetOrder, Target, n => Sign(signer, n), null, CancellationToken.None);

        Assert.Equal([HttpMethod.Head, HttpMethod.Post, HttpMethod.Post], handler.Requests.Select(r => r.Method));
        Assert.Equal(["n1", "n2"], handler.Requests.Skip(1).Select(r => NonceOf(r.Body)));
        Assert.All(handler.Requests.Skip(1), r => Assert.Equal("application/jose+json", r.ContentType));
        Assert.Equal(1, client.Nonces.Count); // n3 waits for the next request
    }

    [Fact]
    public async Task Bad_nonce_is_resent_with_the_nonce_from_the_error()
    {
        var handler = new ScriptedHandler(
            _ => RespondBadNonce("fresh"),
            _ => Respond(HttpStatusCode.Created, nonce: "next", body: "{}"));
        var (client, signer) = Create(handler);
        client.Nonces.Add("stale");

        var response = await client.PostAsync(AcmeAction.GetOrder, Target, n => Sign(signer, n), null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["stale", "fresh"], handler.Requests.Select(r => NonceOf(r.Body)));
    }

    [Fact]
    public async Task Bad_nonce_retries_are_bounded()
    {
        var script = Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(
            _ => RespondBadNonce(Guid.NewGuid().ToString()), 10).ToArray();
        var handler = new ScriptedHandler(script);
        var (client, signer) = Create(handler, FastRetries with { MaxBadNonceRetries = 2 });
        client.Nonces.Add("first");

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.PostAsync(AcmeAction.GetOrder, Target, n => Sign(signer, n), null, CancellationToken.None));

        Assert.True(error.IsBadNonce);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Service_unavailable_with_short_retry_after_is_waited_out()
    {
        var handler = new ScriptedHandler(
            _ => Respond(HttpStatusCode.ServiceUnavailable, retryAfter: "0"),
            _ => Respond(HttpStatusCode.OK, body: "{}"));
        var (client, _) = Create(handler);

        var response = await client.GetAsync(AcmeAction.Directory, Target, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Rate_limit_with_long_retry_after_surfaces_with_the_wait()
    {
        const string body = """{"type":"urn:ietf:params:acme:error:rateLimited","detail":"too many certificates"}""";
        var handler = new ScriptedHandler(_ => Respond((HttpStatusCode)429, body: body, contentType: "application/problem+json", retryAfter: "3600"));
        var (client, _) = Create(handler);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetAsync(AcmeAction.Directory, Target, CancellationToken.None));

        Assert.True(error.IsRateLimited);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Server_errors_back_off_and_give_up_after_the_bound()
    {
        var script = Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(_ => Respond(HttpStatusCode.InternalServerError), 10).ToArray();
        var handler = new ScriptedHandler(script);
        var (client, _) = Create(handler, FastRetries with { MaxTransientRetries = 3 });

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetAsync(AcmeAction.Directory, Target, CancellationToken.None));

        Assert.Equal(500, error.HttpStatus);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried_then_succeed()
    {
        var handler = new ScriptedHandler(
            _ => throw new HttpRequestException("connection refused"),
            _ => Respond(HttpStatusCode.OK, body: "{}"));
        var (client, _) = Create(handler);

        var response = await client.GetAsync(AcmeAction.Directory, Target, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        const string body = """{"type":"urn:ietf:params:acme:error:unauthorized","detail":"no"}""";
        var handler = new ScriptedHandler(_ => Respond(HttpStatusCode.Forbidden, body: body, contentType: "application/problem+json"));
        var (client, _) = Create(handler);

        var error = await Assert.ThrowsAsync<AcmeProtocolException>(() => client.GetAsync(AcmeAction.Directory, Target, CancellationToken.None));

        Assert.True(error.IsUnauthorized);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_is_not_mistaken_for_a_timeout()
    {
        var handler = new ScriptedHandler(_ => Respond(HttpStatusCode.OK, body: "{}"));
        var (client, _) = Create(handler);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(AcmeAction.Directory, Target, cancelled.Token));
    }

    private static (AcmeHttpClient Client, IJwsSigner Signer) Create(ScriptedHandler handler, AcmeHttpOptions? options = null)
    {
        var http = new HttpClient(handler);
        return (new AcmeHttpClient(http, _ => Task.FromResult(NewNonce), options ?? FastRetries), JwsSigners.CreateEs256());
    }

    private static JwsMessage Sign(IJwsSigner signer, string nonce) =>
        JwsEncoder.Sign(signer, "{}"u8, Target, nonce, new Uri("https://acme.test/acct/1"));

    private static string? NonceOf(string body)
    {
        var jws = JsonDocument.Parse(body).RootElement;
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(jws.GetProperty("protected").GetString())).RootElement;
        return header.GetProperty("nonce").GetString();
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Tests.Hosting.Http;

/// <summary>The server over real loopback sockets, with HttpClient (or a raw socket where HttpClient would hide the wire).</summary>
public class EmbeddedHttpServerTests
{
    // Only bounds a test that would otherwise hang; no outcome depends on it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GetAnswersWithBodyAndContentLength()
    {
        await using var server = Start();
        using var http = Client(server);

        var response = await http.GetAsync("/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello, world", await response.Content.ReadAsStringAsync());
        Assert.Equal(Encoding.UTF8.GetByteCount("hello, world"), response.Content.Headers.ContentLength);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.ConnectionClose);
    }

    [Fact]
    public async Task HeadGetsTheHeadersAndNoBody()
    {
        await using var server = Start();

        var raw = await RawAsync(server, "HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", raw, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 12\r\n", raw, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamedBodiesAreBufferedToAnExactLength()
    {
        await using var server = Start();
        using var http = Client(server);

        var response = await http.GetAsync("/streamed");

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(3000, body.Length);
        Assert.Equal(3000, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task UnknownPathIs404AndFailingHandlerIs500()
    {
        await using var server = Start();
        using var http = Client(server);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("/throws")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("/throws-while-streaming")).StatusCode);
    }

    [Fact]
    public async Task PostIs405AndItsBodyIsDiscarded()
    {
        await using var server = Start();
        using var http = Client(server);

        var response = await http.PostAsync("/hello", new StringContent(new string('x', 20_000)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task OversizedHeadIs431()
    {
        await using var server = Start();
        using var http = Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hello");
        request.Headers.Add("X-Padding", new string('p', 16 * 1024));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("GET /hello HTTP/1.1\r\n\r\n", "HTTP/1.1 400 ")]
    [InlineData("GET /hello HTTP/3.0\r\nHost: t\r\n\r\n", "HTTP/1.1 505 ")]
    [InlineData("GET /hello HTTP/1.0\r\n\r\n", "HTTP/1.1 200 ")]
    public async Task MalformedRequestsGetAStatusNotAHang(string request, string expectedStatusLine)
    {
        await using var server = Start();

        Assert.StartsWith(expectedStatusLine, await RawAsync(server, request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentClientDoesNotBlockOthersAndIsDroppedAfterTheHeaderTimeout()
    {
        await using var server = Start(new HttpServerOptions { HeaderTimeout = TimeSpan.FromMilliseconds(300), MaxConnections = 2 });
        using var silent = new TcpClient();
        await silent.ConnectAsync(server.BoundEndpoints[0]);
        using var http = Client(server);

        Assert.Equal("hello, world", await http.GetStringAsync("/hello"));
        Assert.Equal("hello, world", await http.GetStringAsync("/hello"));

        // Dropped without an answer: the server closes, so the read ends (EOF) rather than hanging.
        using var patience = new CancellationTokenSource(Patience);
        var read = await silent.GetStream().ReadAsync(new byte[64], patience.Token);
        Assert.Equal(0, read);
    }

    [Fact]
    public async Task PortZeroReportsTheBoundPortOnEachEndpoint()
    {
        await using var server = EmbeddedHttpServer.Start(
            [new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0)], Handle);

        Assert.Equal(2, server.BoundEndpoints.Count);
        foreach (var endpoint in server.BoundEndpoints)
        {
            Assert.NotEqual(0, endpoint.Port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{endpoint.Port}") };
            Assert.Equal("hello, world", await http.GetStringAsync("/hello"));
        }
    }

    [SkippableFact]
    public async Task ServesIPv6()
    {
        Skip.IfNot(Socket.OSSupportsIPv6, "this host has no IPv6");
        await using var server = EmbeddedHttpServer.Start([new IPEndPoint(IPAddress.IPv6Loopback, 0)], Handle);
        using var http = new HttpClient { BaseAddress = new Uri($"http://[::1]:{server.BoundEndpoints[0].Port}") };

        Assert.Equal("hello, world", await http.GetStringAsync("/hello"));
    }

    [Fact]
    public async Task BindingATakenPortIsAnIOException()
    {
        await using var first = Start();

        var e = Assert.Throws<IOException>(() => EmbeddedHttpServer.Start([first.BoundEndpoints[0]], Handle));
        Assert.Contains(first.BoundEndpoints[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeCancelsInFlightRequestsAndStopsAccepting()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = EmbeddedHttpServer.Start([new IPEndPoint(IPAddress.Loopback, 0)], async (_, ct) =>
        {
            entered.SetResult();
            await using var registration = ct.Register(cancelled.SetResult);
            await Task.Delay(Timeout.Infinite, ct);
            return HttpAnswer.Plain(200, "unreachable");
        });
        var endpoint = server.BoundEndpoints[0];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{endpoint.Port}") };
        var pending = http.GetAsync("/slow");
        await entered.Task.WaitAsync(Patience);

        await server.DisposeAsync().AsTask().WaitAsync(Patience);

        await cancelled.Task.WaitAsync(Patience);
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
        using var late = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => late.ConnectAsync(endpoint));
        await server.DisposeAsync(); // a second dispose is harmless
    }

    [Fact]
    public async Task ThePortCanBeBoundAgainRightAfterDispose()
    {
        var server = Start();
        var endpoint = server.BoundEndpoints[0];
        using (var http = Client(server))
        {
            Assert.Equal("hello, world", await http.GetStringAsync("/hello"));
        }
        await server.DisposeAsync();

        // Pebble's fixture reuses one fixed HTTP-01 port across tests, so closed connections must not hold it.
        await using var again = EmbeddedHttpServer.Start([endpoint], Handle);
        Assert.Equal(endpoint.Port, again.BoundEndpoints[0].Port);
    }

    private static EmbeddedHttpServer Start(HttpServerOptions? options = null) =>
        EmbeddedHttpServer.Start([new IPEndPoint(IPAddress.Loopback, 0)], Handle, options);

    private static HttpClient Client(EmbeddedHttpServer server) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{server.BoundEndpoints[0].Port}") };

    private static ValueTask<HttpAnswer> Handle(HttpRequestHead request, CancellationToken cancellationToken) => request.Path switch
    {
        "/hello" => ValueTask.FromResult(HttpAnswer.Content(200, "text/plain", "hello, world")),
        "/streamed" => ValueTask.FromResult(HttpAnswer.Streamed(200, "application/octet-stream",
            (stream, ct) => stream.WriteAsync(new byte[3000], ct).AsTask())),
        "/throws" => throw new InvalidOperationException("handler bug"),
        "/throws-while-streaming" => ValueTask.FromResult(HttpAnswer.Streamed(200, "text/plain",
            (_, _) => throw new InvalidOperationException("exporter bug"))),
        _ => ValueTask.FromResult(HttpAnswer.NotFound()),
    };

    // Sends raw bytes and reads the whole response: the server closes after one answer.
    private static async Task<string> RawAsync(EmbeddedHttpServer server, string request)
    {
        using var patience = new CancellationTokenSource(Patience);
        using var client = new TcpClient();
        await client.ConnectAsync(server.BoundEndpoints[0], patience.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), patience.Token);
        client.Client.Shutdown(SocketShutdown.Send);
        using var response = new MemoryStream();
        await stream.CopyToAsync(response, patience.Token);
        return Encoding.ASCII.GetString(response.ToArray());
    }
}

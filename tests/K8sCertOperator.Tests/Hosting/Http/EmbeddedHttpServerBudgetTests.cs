using System.Net;
using System.Net.Sockets;
using System.Text;
using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Tests.Hosting.Http;

/// <summary>
/// The connection budget over real loopback sockets: idle and slow clients give their slots away, a complete
/// request is answered, and every drop is reported with its reason. No test depends on how fast anything is.
/// </summary>
public class EmbeddedHttpServerBudgetTests
{
    // Long enough that only eviction, never the deadline, can free a slot during the test.
    private static readonly TimeSpan Never = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task IdleConnectionsFillingTheBudgetGiveWayToARequest()
    {
        var observer = new RecordingHttpServerObserver();
        await using var server = Start(new HttpServerOptions { MaxConnections = 4, HeaderTimeout = Never, Observer = observer });
        var idle = await ConnectAsync(server, 10);
        try
        {
            using var http = Client(server);

            Assert.Equal("hello", await http.GetStringAsync("/hello"));

            // The six idle clients beyond the budget and the one the request displaced were closed, unanswered.
            await RecordingHttpServerObserver.EventuallyAsync(() => observer.Drops(ConnectionDropReason.Evicted) == 7, "7 evictions");
            Assert.Equal(0, observer.Drops(ConnectionDropReason.Refused));
            Assert.Equal(11, observer.Accepted);
            Assert.Equal(7, await CountClosedAsync(idle));
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task WhenEverySlotIsAnsweringANewcomerIsRefusedAndCounted()
    {
        var observer = new RecordingHttpServerObserver();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = 0;
        await using var server = EmbeddedHttpServer.Start([new IPEndPoint(IPAddress.Loopback, 0)], async (_, ct) =>
        {
            Interlocked.Increment(ref entered);
            await release.Task.WaitAsync(ct);
            return HttpAnswer.Plain(200, "finally");
        }, new HttpServerOptions { MaxConnections = 2, HeaderTimeout = Never, Observer = observer });
        using var http = Client(server);
        var busy = new[] { http.GetStringAsync("/a"), http.GetStringAsync("/b") };
        await RecordingHttpServerObserver.EventuallyAsync(() => Volatile.Read(ref entered) == 2, "both requests in the handler");

        using var late = new TcpClient();
        await late.ConnectAsync(server.BoundEndpoints[0]);
        using var patience = new CancellationTokenSource(Patience);
        Assert.Equal(0, await late.GetStream().ReadAsync(new byte[64], patience.Token)); // closed, no answer

        await RecordingHttpServerObserver.EventuallyAsync(() => observer.Drops(ConnectionDropReason.Refused) == 1, "one refusal");
        release.SetResult();
        Assert.Equal(["finally", "finally"], await Task.WhenAll(busy));
        Assert.Equal(0, observer.Drops(ConnectionDropReason.Evicted));
    }

    [Fact]
    public async Task ADribblingClientLosesItsSlotAtTheHeaderTimeoutAndIsCounted()
    {
        var observer = new RecordingHttpServerObserver();
        await using var server = Start(new HttpServerOptions { HeaderTimeout = TimeSpan.FromMilliseconds(300), Observer = observer });
        using var dribbler = new TcpClient();
        await dribbler.ConnectAsync(server.BoundEndpoints[0]);
        var stream = dribbler.GetStream();
        using var patience = new CancellationTokenSource(Patience);

        // One byte of a valid head at a time, never the end of it, until the server hangs up.
        var head = Encoding.ASCII.GetBytes("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: " + new string('s', 4000));
        var closed = false;
        for (var i = 0; i < head.Length && !closed; i++)
        {
            try
            {
                await stream.WriteAsync(head.AsMemory(i, 1), patience.Token);
                await Task.Delay(50, patience.Token);
            }
            catch (IOException)
            {
                closed = true; // reset: the server closed while we wrote
            }
            closed |= dribbler.Client.Poll(0, SelectMode.SelectRead) && dribbler.Available == 0;
        }

        Assert.True(closed, "the server never closed the dribbling connection");
        await RecordingHttpServerObserver.EventuallyAsync(() => observer.Drops(ConnectionDropReason.HeaderTimeout) == 1, "one header timeout");
        await RecordingHttpServerObserver.EventuallyAsync(() => observer.Open == 0, "the slot given back");
    }

    [Fact]
    public async Task AnsweredConnectionsGiveTheirSlotBackAndAreNotDrops()
    {
        var observer = new RecordingHttpServerObserver();
        await using var server = Start(new HttpServerOptions { MaxConnections = 2, Observer = observer });
        using var http = Client(server);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("hello", await http.GetStringAsync("/hello"));
        }

        await RecordingHttpServerObserver.EventuallyAsync(() => observer.Open == 0, "every slot given back");
        Assert.Equal(5, observer.Accepted);
        Assert.All(Enum.GetValues<ConnectionDropReason>(), reason => Assert.Equal(0, observer.Drops(reason)));
    }

    private static EmbeddedHttpServer Start(HttpServerOptions options) =>
        EmbeddedHttpServer.Start([new IPEndPoint(IPAddress.Loopback, 0)],
            (request, _) => ValueTask.FromResult(request.Path == "/hello" ? HttpAnswer.Plain(200, "hello") : HttpAnswer.NotFound()), options);

    private static HttpClient Client(EmbeddedHttpServer server) =>
        new() { BaseAddress = new Uri($"http://127.0.0.1:{server.BoundEndpoints[0].Port}"), Timeout = Patience };

    private static async Task<List<TcpClient>> ConnectAsync(EmbeddedHttpServer server, int count)
    {
        var clients = new List<TcpClient>();
        for (var i = 0; i < count; i++)
        {
            var client = new TcpClient();
            clients.Add(client);
            await client.ConnectAsync(server.BoundEndpoints[0]);
        }
        return clients;
    }

    // How many of the idle clients the server has closed: their read ends at once with EOF.
    private static async Task<int> CountClosedAsync(List<TcpClient> clients)
    {
        var closed = 0;
        foreach (var client in clients)
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                closed += await client.GetStream().ReadAsync(new byte[16], quick.Token) == 0 ? 1 : 0;
            }
            catch (OperationCanceledException)
            {
                // Still open (holding a slot).
            }
            catch (IOException)
            {
                closed++; // reset
            }
        }
        return closed;
    }
}

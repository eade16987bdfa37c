using System.Net;
using System.Net.Sockets;

namespace K8sCertOperator.Bench;

/// <summary>
/// Idle TCP clients held open against some endpoints: each connects, sends nothing, and reconnects one second
/// after the server closes it, so the flood is sustained (an attacker would do the same). Loopback only;
/// ends when disposed.
/// </summary>
public sealed class IdleFlood : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private int _closedByServer;

    private IdleFlood()
    {
    }

    /// <summary>How many times the server closed one of the idle connections (evicted or timed out).</summary>
    public int ClosedByServer => Volatile.Read(ref _closedByServer);

    /// <summary>Opens <paramref name="perEndpoint"/> idle connections to each endpoint and returns once all have connected once.</summary>
    public static async Task<IdleFlood> StartAsync(IEnumerable<IPEndPoint> endpoints, int perEndpoint)
    {
        var flood = new IdleFlood();
        var connected = new List<Task>();
        foreach (var endpoint in endpoints)
        {
            for (var i = 0; i < perEndpoint; i++)
            {
                var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                connected.Add(first.Task);
                flood._clients.Add(flood.HoldAsync(endpoint, first));
            }
        }
        await Task.WhenAll(connected).ConfigureAwait(false);
        return flood;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_clients).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task HoldAsync(IPEndPoint endpoint, TaskCompletionSource first)
    {
        var stop = _stop.Token;
        var buffer = new byte[16];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(endpoint, stop).ConfigureAwait(false);
                first.TrySetResult();
                await client.GetStream().ReadAsync(buffer, stop).ConfigureAwait(false); // returns when the server closes
                Interlocked.Increment(ref _closedByServer);
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                first.TrySetResult();
                Interlocked.Increment(ref _closedByServer);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        first.TrySetResult();
    }
}

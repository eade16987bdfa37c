using System.Net;
using System.Net.Sockets;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// A loopback TCP relay in front of a server that can be taken down and brought back on the same port, so a test
/// can make Pebble unreachable mid-run without restarting it (PebbleFixture picks new ports on every start).
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task _accepting = Task.CompletedTask;

    public TcpRelay(int targetPort) => _targetPort = targetPort;

    public int Port { get; } = FreePort.Next();

    public bool IsUp => _listener is not null;

    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _stop = new CancellationTokenSource();
        _accepting = AcceptLoopAsync(listener, _stop.Token);
    }

    /// <summary>Stops listening and cuts every open connection: the server looks down.</summary>
    public async Task StopAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        _listener.Stop();
        _listener = null;
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }

        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var inbound = await listener.AcceptTcpClientAsync(ct);
            var outbound = new TcpClient();
            lock (_gate)
            {
                _connections.Add(inbound);
                _connections.Add(outbound);
            }

            _ = RelayAsync(inbound, outbound, ct);
        }
    }

    private async Task RelayAsync(TcpClient inbound, TcpClient outbound, CancellationToken ct)
    {
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, ct);
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // A cut connection is the point of this class.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
            lock (_gate)
            {
                _connections.Remove(inbound);
                _connections.Remove(outbound);
            }
        }
    }
}

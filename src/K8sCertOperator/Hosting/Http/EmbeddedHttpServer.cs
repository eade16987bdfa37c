using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// A small HTTP/1.1 server on raw sockets for the operator's own endpoints (health, metrics,
/// HTTP-01 answers): one request per connection, GET and HEAD only, bounded head size and time, and a
/// connection budget per endpoint (<see cref="ConnectionTable"/>): accepting never waits for a slot, idle
/// and slow clients give theirs up to newcomers, so a complete request is not held up by them. Replaces Kestrel: ASP.NET Core cost ~30 MB of RSS for three tiny endpoints and stood in
/// the way of a NativeAOT build.
/// </summary>
public sealed class EmbeddedHttpServer : IAsyncDisposable
{
    private readonly List<Socket> _listeners;
    private readonly HttpRequestHandler _handler;
    private readonly HttpServerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly List<Task> _acceptLoops = [];
    private long _nextConnection;
    private int _disposed;

    private EmbeddedHttpServer(List<Socket> listeners, HttpRequestHandler handler, HttpServerOptions options, ILogger logger)
    {
        _listeners = listeners;
        _handler = handler;
        _options = options;
        _logger = logger;
        BoundEndpoints = [.. listeners.Select(l => (IPEndPoint)l.LocalEndPoint!)];
    }

    /// <summary>The endpoints actually bound, in the order given (a requested port 0 shows the chosen port).</summary>
    public IReadOnlyList<IPEndPoint> BoundEndpoints { get; }

    /// <summary>Binds every endpoint (all or none) and starts accepting.</summary>
    /// <exception cref="IOException">An endpoint could not be bound (in use, no such address, no permission).</exception>
    public static EmbeddedHttpServer Start(
        IReadOnlyCollection<IPEndPoint> endpoints, HttpRequestHandler handler, HttpServerOptions? options = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(endpoints.Count);
        options ??= new HttpServerOptions();
        var listeners = new List<Socket>();
        try
        {
            foreach (var endpoint in endpoints)
            {
                listeners.Add(Listen(endpoint));
            }
        }
        catch
        {
            listeners.ForEach(l => l.Dispose());
            throw;
        }
        var server = new EmbeddedHttpServer(listeners, handler, options, logger ?? NullLogger.Instance);
        options.Observer?.ListenerStarted(options.Name);
        server._acceptLoops.AddRange(listeners.Select(l => server.AcceptLoopAsync(l, new ConnectionTable(options.MaxConnections))));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // Cancelling ends pending accepts and every in-flight connection; closing the listeners
        // makes new connection attempts fail at once instead of queueing in the backlog.
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listeners.ForEach(l => l.Dispose());
        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static Socket Listen(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.Address.Equals(IPAddress.IPv6Any))
            {
                // "[::]:port" means every address, IPv4 included, as it did with Kestrel.
                socket.DualMode = true;
            }
            socket.Bind(endpoint);
            socket.Listen(512);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            // An IOException like Kestrel's, so callers (the CLI) report it as one clear line.
            throw new IOException($"cannot listen on {endpoint}: {e.Message}", e);
        }
    }

    // Never throws: ends when the server stops. Never waits for a slot either: each accepted socket is
    // admitted (perhaps evicting an idle one) or refused at once, so the backlog keeps moving.
    private async Task AcceptLoopAsync(Socket listener, ConnectionTable table)
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }
                // A connection reset before we accepted it, or out of descriptors: keep serving.
                _logger.LogDebug("HTTP accept on {Endpoint} failed: {Reason}", listener.LocalEndPoint, e.Message);
                await BackOffAsync(stopping).ConfigureAwait(false);
                continue;
            }
            Admit(client, table, stopping);
        }
    }

    private void Admit(Socket client, ConnectionTable table, CancellationToken stopping)
    {
        var observer = _options.Observer;
        observer?.ConnectionAccepted(_options.Name);
        if (table.TryAdmit(out var evicted) is not { } slot)
        {
            // Every slot is answering a complete request; the client sees the connection closed and retries.
            observer?.ConnectionDropped(_options.Name, ConnectionDropReason.Refused);
            _logger.LogDebug("HTTP connection on {Listener} refused: all {Max} slots are answering", _options.Name, _options.MaxConnections);
            client.Dispose();
            return;
        }
        observer?.OpenConnectionsChanged(_options.Name, evicted is null ? 1 : 0); // an eviction hands a slot over
        var id = Interlocked.Increment(ref _nextConnection);
        var connection = ServeAsync(client, slot, table, id, stopping);
        _connections[id] = connection;
        if (connection.IsCompleted)
        {
            _connections.TryRemove(id, out _); // finished before it was listed: its own removal came too early
        }
    }

    private async Task ServeAsync(Socket client, ConnectionSlot slot, ConnectionTable table, long id, CancellationToken stopping)
    {
        try
        {
            // Off the accept loop, so a slow handler never delays the next accept.
            await Task.Yield();
            await new HttpConnection(client, slot, table, _handler, _options, _logger).ServeAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            if (table.Release(slot))
            {
                _options.Observer?.OpenConnectionsChanged(_options.Name, -1);
                slot.Dispose();
            }
            // An evicted slot is left to the GC: its evictor may be signalling it right now, and its token
            // source has no timer or wait handle to free.
            _connections.TryRemove(id, out _);
        }
    }

    // Keeps a persistent accept failure (no descriptors left) from spinning a core.
    private static async Task BackOffAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop condition ends it.
        }
    }
}

using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// Serves exactly one request on one accepted socket, then closes it. Never throws: a client that
/// is slow, malformed or gone costs only its own connection. Until its head is complete the connection
/// can be evicted by its <see cref="ConnectionTable"/>; every drop without an answer is logged at Debug
/// and reported to the observer with its reason.
/// </summary>
internal sealed class HttpConnection
{
    private readonly Socket _socket;
    private readonly ConnectionSlot _slot;
    private readonly ConnectionTable _table;
    private readonly HttpRequestHandler _handler;
    private readonly HttpServerOptions _options;
    private readonly ILogger _logger;

    public HttpConnection(Socket socket, ConnectionSlot slot, ConnectionTable table, HttpRequestHandler handler, HttpServerOptions options, ILogger logger)
    {
        _socket = socket;
        _slot = slot;
        _table = table;
        _handler = handler;
        _options = options;
        _logger = logger;
    }

    public async Task ServeAsync(CancellationToken stopping)
    {
        var remote = Remote(); // read now: the socket is gone by the time a failure is logged
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping, _slot.Eviction);
        deadline.CancelAfter(_options.HeaderTimeout);
        byte[]? buffer = null;
        try
        {
            await using var stream = new NetworkStream(_socket, ownsSocket: true);
            // Wait for the first byte without a buffer, so an idle connection costs its socket and little else.
            await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            buffer = ArrayPool<byte>.Shared.Rent(_options.MaxHeaderBytes);
            var (length, headEnd) = await ReadHeadAsync(stream, buffer, deadline.Token).ConfigureAwait(false);
            if (length == 0)
            {
                return; // connected and closed without a request (e.g. a TCP probe)
            }
            if (!_table.TryMove(_slot, ConnectionPhase.Answering))
            {
                throw new OperationCanceledException("evicted"); // lost the slot just as the head completed
            }

            // A fresh budget for answering: the head may have used most of its own.
            deadline.CancelAfter(_options.ResponseTimeout);
            var (request, answer) = headEnd < 0
                ? (null, length >= _options.MaxHeaderBytes
                    ? HttpAnswer.Plain(431, "request head larger than " + _options.MaxHeaderBytes + " bytes")
                    : HttpAnswer.Plain(400, "incomplete request head"))
                : await AnswerAsync(HttpRequestParser.Parse(buffer.AsSpan(0, headEnd)), deadline.Token).ConfigureAwait(false);
            (answer, var body) = await RenderAsync(answer, deadline.Token).ConfigureAwait(false);
            await HttpResponseWriter.WriteAsync(stream, answer.Status, answer.ContentType, body, request?.IsHead == true, deadline.Token)
                .ConfigureAwait(false);

            _table.TryMove(_slot, ConnectionPhase.Lingering);
            deadline.CancelAfter(_options.LingerTimeout < _options.ResponseTimeout ? _options.LingerTimeout : _options.ResponseTimeout);
            await DiscardRestAsync(stream, buffer, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Timed out, evicted, server stopping, or the client went away: nothing to answer, nobody to tell.
            if (stopping.IsCancellationRequested)
            {
                _logger.LogDebug("HTTP connection from {Remote} on {Listener} closed: server stopping", remote, _options.Name);
                return;
            }
            var reason = Classify(deadline.IsCancellationRequested);
            _options.Observer?.ConnectionDropped(_options.Name, reason);
            _logger.LogDebug("HTTP connection from {Remote} on {Listener} dropped ({DropReason}): {Reason}", remote, _options.Name, reason, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "HTTP connection from {Remote} on {Listener} failed", remote, _options.Name);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            _socket.Dispose();
        }
    }

    // Eviction first (it cancels the deadline too), then our own timer by phase; anything else came from the client.
    private ConnectionDropReason Classify(bool deadlinePassed) =>
        _slot.WasEvicted ? ConnectionDropReason.Evicted
        : !deadlinePassed ? ConnectionDropReason.ClientError
        : _slot.Phase == ConnectionPhase.ReadingHead ? ConnectionDropReason.HeaderTimeout
        : ConnectionDropReason.ResponseTimeout;

    // Reads until the head's closing empty line, EOF, or the header limit. Returns bytes read and the head's end (-1 if none).
    private async Task<(int Length, int HeadEnd)> ReadHeadAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (length < _options.MaxHeaderBytes)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length, _options.MaxHeaderBytes - length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (length, -1);
            }
            length += read;
            var end = HttpRequestParser.FindHeadEnd(buffer.AsSpan(0, length));
            if (end >= 0)
            {
                return (length, end);
            }
        }
        return (length, -1);
    }

    private async Task<(HttpRequestHead? Request, HttpAnswer Answer)> AnswerAsync(HttpParseResult parsed, CancellationToken cancellationToken)
    {
        if (parsed.Request is not { } request)
        {
            return (null, HttpAnswer.Plain(parsed.Status, parsed.Error));
        }
        // Bodies are never read, so only methods that carry none are served.
        if (!request.IsGetOrHead)
        {
            return (request, HttpAnswer.MethodNotAllowed());
        }
        try
        {
            return (request, await _handler(request, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            _logger.LogWarning(e, "HTTP handler failed for {Method} {Path}", request.Method, request.Path);
            return (request, HttpAnswer.Plain(500, "internal error"));
        }
    }

    private async Task<(HttpAnswer Answer, ReadOnlyMemory<byte> Body)> RenderAsync(HttpAnswer answer, CancellationToken cancellationToken)
    {
        try
        {
            return (answer, await answer.RenderBodyAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            _logger.LogWarning(e, "HTTP response body failed");
            var failed = HttpAnswer.Plain(500, "internal error");
            return (failed, await failed.RenderBodyAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    // Closing a socket with unread input makes the kernel send RST, which can destroy the response
    // before the client reads it. So: half-close, then read and drop what the client still sends
    // (a body we ignored), up to a limit, until it closes its side or the linger time passes.
    private async Task DiscardRestAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            var discarded = 0;
            while (discarded < _options.MaxDiscardBytes)
            {
                var room = Math.Min(buffer.Length, _options.MaxDiscardBytes - discarded);
                var read = await stream.ReadAsync(buffer.AsMemory(0, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                discarded += read;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // The response is out; a client that lingers or resets now loses nothing.
        }
    }

    private string Remote()
    {
        try
        {
            return _socket.RemoteEndPoint?.ToString() ?? "?";
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            return "?";
        }
    }
}

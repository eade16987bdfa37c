using System.Threading.Channels;
using k8s;
using k8s.Autorest;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Runs a KubernetesClient <c>WatchAsync</c> in the background and queues what it yields.</summary>
public sealed class WatchRecorder<T> : IAsyncDisposable
{
    private readonly Channel<(WatchEventType Type, T Object)> _events = Channel.CreateUnbounded<(WatchEventType, T)>();
    private readonly Channel<Exception> _errors = Channel.CreateUnbounded<Exception>();
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    public WatchRecorder(Func<CancellationToken, Task<HttpOperationResponse<object>>> start, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = _stop.Token;
        _loop = Task.Run(
            async () =>
            {
                try
                {
                    // The operator consumes watches through this (now obsolete-marked) extension, so the stand-in is tested through it too.
#pragma warning disable CS0618
                    await foreach (var item in start(token).WatchAsync<T, object>(e => _errors.Writer.TryWrite(e), token))
#pragma warning restore CS0618
                    {
                        _events.Writer.TryWrite(item);
                    }
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                }
                catch (Exception failure)
                {
                    _errors.Writer.TryWrite(failure);
                }
                finally
                {
                    _events.Writer.TryComplete();
                }
            },
            CancellationToken.None);
    }

    /// <summary>Completes when the server ends the stream.</summary>
    public Task Closed => _loop;

    /// <summary>The next event, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<(WatchEventType Type, T Object)> NextAsync(TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        wait.CancelAfter(timeout);
        return await _events.Reader.ReadAsync(wait.Token);
    }

    /// <summary>The next event that is not a bookmark.</summary>
    public async Task<(WatchEventType Type, T Object)> NextChangeAsync(TimeSpan timeout)
    {
        while (true)
        {
            var next = await NextAsync(timeout);
            if (next.Type != WatchEventType.Bookmark)
            {
                return next;
            }
        }
    }

    /// <summary>The next error reported through onError or thrown by the enumeration.</summary>
    public async Task<Exception> NextErrorAsync(TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        wait.CancelAfter(timeout);
        return await _errors.Reader.ReadAsync(wait.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // A stuck read must not hang the test run; the stream is abandoned.
        }
        _stop.Dispose();
    }
}

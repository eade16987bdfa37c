using K8sCertOperator.Kube.Queue;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.Reconcile;

/// <summary>
/// Runs N workers that take keys from a work queue, call the reconciler and apply its result to the
/// queue. Each reconcile logs inside a scope with Namespace, Name and a ReconcileId; exceptions are
/// treated as failures and never end a worker. The queue is shut down when <see cref="RunAsync"/> ends,
/// so build a fresh queue and controller for each leadership term.
/// </summary>
public sealed class Controller
{
    private readonly ControllerOptions _options;
    private readonly IWorkQueue<ObjectKey> _queue;
    private readonly IReconciler _reconciler;
    private readonly ILogger _logger;
    private readonly IControllerMetrics _metrics;
    private readonly TimeProvider _time;

    public Controller(
        ControllerOptions options,
        IWorkQueue<ObjectKey> queue,
        IReconciler reconciler,
        ILogger logger,
        IControllerMetrics? metrics = null,
        TimeProvider? timeProvider = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _reconciler = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _metrics = metrics ?? new ControllerCounters();
        _time = timeProvider ?? TimeProvider.System;
        if (_options.Workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Workers must be at least 1");
        }
    }

    public string Name => _options.Name;

    /// <summary>Runs the workers until cancelled; then shuts the queue down and waits for them.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Starting controller {Controller} with {Workers} workers", _options.Name, _options.Workers);
        using var stop = cancellationToken.Register(_queue.ShutDown);
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => WorkerAsync(cancellationToken), CancellationToken.None));
        await Task.WhenAll(workers).ConfigureAwait(false);
        _logger.LogInformation("Stopped controller {Controller}", _options.Name);
    }

    /// <summary>Processes one key from the queue; returns false once the queue is shut down.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        (ObjectKey Key, bool ShutDown) item;
        try
        {
            item = await _queue.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (item.ShutDown)
        {
            return false;
        }

        var key = item.Key;
        try
        {
            var result = await ReconcileOneAsync(key, cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                Apply(key, result);
            }
        }
        finally
        {
            _queue.Done(key);
            _metrics.QueueLength(_options.Name, _queue.Length);
        }

        return true;
    }

    private async Task WorkerAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await ProcessNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
#pragma warning disable CA1031 // a worker must survive anything; the key has already been handled
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "Controller {Controller} worker loop failed; continuing", _options.Name);
            }
        }
    }

    /// <summary>Runs the reconciler; returns null when the reconcile was interrupted by shutdown.</summary>
    private async Task<ReconcileResult?> ReconcileOneAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var reconcileId = Guid.NewGuid().ToString("N")[..12];
        using var scope = _logger.BeginScope(new ReconcileLogScope(_options.Name, key, reconcileId));
        var started = _time.GetTimestamp();
        ReconcileResult result;
        try
        {
            result = await _reconciler.ReconcileAsync(key, cancellationToken).ConfigureAwait(false)
                ?? ReconcileResult.Failure("reconciler returned null");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: not a failure, and the key is not requeued (the next leader relists it).
            return null;
        }
#pragma warning disable CA1031 // any reconciler exception becomes a failure result
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError(e, "Reconcile of {Namespace}/{Name} threw", key.Namespace, key.Name);
            result = ReconcileResult.Failure(e.GetType().Name + ": " + e.Message);
        }

        var elapsed = _time.GetElapsedTime(started);
        _metrics.ReconcileCompleted(_options.Name, result.IsSuccess, elapsed);
        if (result.IsSuccess)
        {
            _logger.LogDebug("Reconciled {Namespace}/{Name} in {ElapsedMs} ms; requeueAfter {RequeueAfter}", key.Namespace, key.Name, elapsed.TotalMilliseconds, result.RequeueAfter);
        }
        else
        {
            _logger.LogWarning("Reconcile of {Namespace}/{Name} failed: {Reason}", key.Namespace, key.Name, result.Reason);
        }

        return result;
    }

    private void Apply(ObjectKey key, ReconcileResult result)
    {
        var action = QueueAction.For(result);
        if (action.Forget)
        {
            _queue.Forget(key);
        }

        if (action.RequeueAfter is { } delay)
        {
            _queue.AddAfter(key, delay);
        }
        else if (action.RateLimited)
        {
            _queue.AddRateLimited(key);
        }
    }
}

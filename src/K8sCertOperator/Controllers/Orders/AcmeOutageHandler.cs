using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Policies;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// What the Order and Challenge controllers do when the ACME server is down: say so in status.reason (the object
/// keeps its state: a network error is not an ACME error), emit one Warning Event per outage, and requeue with the
/// short per-object backoff of <see cref="AcmeServerFailurePolicy"/>; once calls work again the reason is cleared.
/// </summary>
public sealed class AcmeOutageHandler
{
    private readonly OperatorContext _context;
    private readonly OrderEvents _events;
    private readonly PollAttempts _attempts = new();
    private readonly ILogger _logger;

    public AcmeOutageHandler(OperatorContext context, OrderEvents events, ILogger logger)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Records <paramref name="failure"/> on <paramref name="obj"/> and returns when to try again.</summary>
    public async Task<ReconcileResult> OnFailureAsync<T>(
        ObjectKey key, T obj, IResourceApi<T> api, AcmeServerFailure failure, Action<T, string?> setReason, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(setReason);
        var attempt = _attempts.Next(key);
        var delay = AcmeServerFailurePolicy.Delay(attempt, failure.RetryAfter);
        // Debug: the controller already logs the failed reconcile as a Warning with the same message.
        _logger.LogDebug("ACME server trouble for {Namespace}/{Name} (attempt {Attempt}), retrying in {Delay}: {Message}",
            key.Namespace, key.Name, attempt + 1, delay, failure.Message);
        var written = await _context.StatusWriter.UpdateStatusAsync(api, obj, o => setReason(o, failure.Message), ct).ConfigureAwait(false);
        if (written.Outcome == StatusWriteOutcome.Written)
        {
            // Only when the reason changes: one Event per outage rather than one per retry (the recorder's
            // correlation window alone would still patch the Event every few seconds).
            await _events.OnObjectAndCertificateAsync(written.Object ?? obj, EventTypes.Warning, failure.EventReason, failure.Message, ct).ConfigureAwait(false);
        }

        // A failure (for metrics and logs) with an explicit delay, so the work queue's growing failure backoff is not used.
        return ReconcileResult.Failure(failure.Message, delay);
    }

    /// <summary>
    /// Calls worked: forgets the back-off and clears an outage reason left on <paramref name="obj"/> (the cached copy the
    /// reconcile started from; a stale copy only costs a conflict and a re-read inside the status writer).
    /// </summary>
    public async Task OnSuccessAsync<T>(ObjectKey key, T obj, IResourceApi<T> api, Func<T, string?> reasonOf, Action<T, string?> setReason, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(reasonOf);
        ArgumentNullException.ThrowIfNull(setReason);
        var wasFailing = _attempts.Peek(key) > 0;
        _attempts.Reset(key);
        if (!wasFailing && !AcmeServerFailurePolicy.IsOutageReason(reasonOf(obj)))
        {
            return;
        }

        await _context.StatusWriter.UpdateStatusAsync(api, obj, o =>
        {
            if (AcmeServerFailurePolicy.IsOutageReason(reasonOf(o)))
            {
                setReason(o, null);
            }
        }, ct).ConfigureAwait(false);
    }

    public void Forget(ObjectKey key) => _attempts.Reset(key);
}

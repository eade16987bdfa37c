using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Reconcile;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Runs the Certificate steps in order (validate, trigger, key manager, request, issuing) until one stops, then
/// always the bookkeeping steps (request history, Secret outputs, readiness) unless a step already wrote Ready itself. The
/// earliest requeue any step asked for wins.
/// </summary>
public sealed class CertificateReconciler : IReconciler
{
    private readonly CertificateOperations _ops;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<ICertificateStep> _steps;
    private readonly IReadOnlyList<ICertificateStep> _finalSteps;
    private readonly SpecSupport.UnsupportedFieldCheck? _unsupported;

    public CertificateReconciler(OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ops = new CertificateOperations(context);
        _logger = context.LoggerFactory.CreateLogger<CertificateReconciler>();
        _unsupported = SpecSupport.UnsupportedFieldCheck.For(context.Client, context.Apis.Flavor, Api.ApiGroups.Certificates);
        _steps = [new ValidateStep(_ops, _unsupported), new TriggerStep(_ops, new AriWindowCache(context)), new KeyManagerStep(_ops), new RequestStep(_ops), new IssuingStep(_ops)];
        _finalSteps = [new HistoryCleanupStep(_ops), new SecretOutputsStep(_ops), new ReadinessStep(_ops)];
    }

    /// <summary>Number of reconciles run (for tests that check a Certificate does not hot-loop).</summary>
    public int ReconcileCount => _reconcileCount;

    private int _reconcileCount;

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reconcileCount);
        var certificate = _ops.Context.Informers.Certificates.Get(key);
        if (certificate is null || certificate.Metadata.DeletionTimestamp is not null)
        {
            _unsupported?.Forget(key);
            return ReconcileResult.Success();
        }

        if (_ops.IsBehindOwnWrites(certificate))
        {
            // Woken (e.g. by our own Secret write) before the cache shows our last write: wait for it.
            return ReconcileResult.Success(Kube.Informers.OwnWriteTracker<Api.Certificate>.Recheck);
        }

        using var state = new CertificateSyncState(certificate, _ops.Context.Time.GetUtcNow())
        {
            RenewalJitter = _ops.Context.Options.RenewalJitter,
            StatusBatch = new StatusBatch(certificate),
        };
        TimeSpan? requeue = null;
        var step = "";
        try
        {
            foreach (var s in _steps)
            {
                step = s.Name;
                var result = await s.RunAsync(state, cancellationToken).ConfigureAwait(false);
                requeue = Earliest(requeue, result.RequeueAfter);
                if (result.Stop)
                {
                    break;
                }
            }

            if (!state.Halted)
            {
                foreach (var s in _finalSteps)
                {
                    if (state.Halted)
                    {
                        // A final step wrote Ready itself (e.g. a keystore password is missing).
                        break;
                    }

                    step = s.Name;
                    var result = await s.RunAsync(state, cancellationToken).ConfigureAwait(false);
                    requeue = Earliest(requeue, result.RequeueAfter);
                }
            }

            step = "status";
            await _ops.FlushStatusAsync(state, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Kind is KubeApiErrorKind.Conflict or KubeApiErrorKind.NotFound or KubeApiErrorKind.AlreadyExists)
        {
            // Raced with another writer; the retry sees fresh state.
            _logger.LogDebug("Certificate {Namespace}/{Name}: step {Step} raced ({Kind}); retrying", key.Namespace, key.Name, step, e.Kind);
            return ReconcileResult.Failure($"{step}: {e.Kind}");
        }

        return requeue is { } delay ? ReconcileResult.Success(delay) : ReconcileResult.Success();
    }

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => a < b ? a : b,
    };
}

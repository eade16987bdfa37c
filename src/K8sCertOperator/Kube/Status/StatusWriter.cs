using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.Status;

/// <summary>
/// Writes status through the status subresource with optimistic concurrency: the mutation is applied to a
/// copy, skipped when the status JSON is unchanged, and on 409 Conflict re-applied to a fresh GET (bounded).
/// One helper for every controller.
/// </summary>
public sealed class StatusWriter
{
    private readonly ILogger _logger;
    private readonly int _maxAttempts;

    public StatusWriter(ILogger logger, int maxAttempts = 5)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        _maxAttempts = maxAttempts;
    }

    /// <summary>
    /// Applies <paramref name="mutate"/> to a copy of <paramref name="current"/> and writes the status if it changed.
    /// <paramref name="mutate"/> may run several times (once per attempt) and must be idempotent.
    /// Throws <see cref="KubeApiException"/> (Conflict) when every attempt conflicted.
    /// </summary>
    public async Task<StatusWriteResult<T>> UpdateStatusAsync<T>(IResourceApi<T> api, T current, Action<T> mutate, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(mutate);
        var key = ObjectKey.From(current);
        var latest = current;
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            var desired = KubeJson.Clone(latest);
            mutate(desired);
            if (!StatusDiff.HasChanged(latest, desired))
            {
                return new StatusWriteResult<T>(StatusWriteOutcome.Unchanged, latest, attempt);
            }

            try
            {
                var written = await api.ReplaceStatusAsync(desired, cancellationToken).ConfigureAwait(false);
                return new StatusWriteResult<T>(StatusWriteOutcome.Written, written, attempt);
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
            {
                return new StatusWriteResult<T>(StatusWriteOutcome.NotFound, null, attempt);
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.Conflict && attempt < _maxAttempts)
            {
                _logger.LogDebug("Status update of {Namespace}/{Name} conflicted (attempt {Attempt}); re-reading", key.Namespace, key.Name, attempt);
                var fresh = await api.GetAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
                if (fresh is null)
                {
                    return new StatusWriteResult<T>(StatusWriteOutcome.NotFound, null, attempt);
                }

                latest = fresh;
            }
        }

        // Unreachable: the last attempt either returns or lets its Conflict propagate.
        throw new InvalidOperationException("status update loop ended without a result");
    }
}

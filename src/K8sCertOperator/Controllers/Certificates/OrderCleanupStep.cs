using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Keeps at most spec.revisionHistoryLimit (default 1) completed Orders per Certificate.</summary>
public sealed class OrderCleanupStep : ICertificateStep
{
    private readonly CertificateOperations _ops;

    public OrderCleanupStep(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public string Name => "order-cleanup";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var uid = state.Certificate.Metadata.Uid;
        if (string.IsNullOrEmpty(uid))
        {
            return StepResult.Continue;
        }

        var owned = _ops.Context.Informers.Orders.ByIndex(CertificateIndexes.OrdersByOwnerUid, uid);
        if (owned.Count == 0)
        {
            return StepResult.Continue;
        }

        int? inProgress = ConditionSet.IsTrue(state.Certificate.Status?.Conditions, ConditionTypes.Issuing) ? state.NextRevision : null;
        foreach (var order in OrderHistoryPruner.SelectForDeletion(owned, state.Spec.RevisionHistoryLimit, inProgress))
        {
            await _ops.Context.Apis.Orders.DeleteAsync(order.Metadata.NamespaceProperty, order.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }

        return StepResult.Continue;
    }
}

using K8sCertOperator.Api;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Keeps at most spec.revisionHistoryLimit (default 1) completed CertificateRequests per Certificate (their Orders go
/// with them), and as many of the Orders the Certificate owned directly before requests existed.
/// </summary>
public sealed class HistoryCleanupStep : ICertificateStep
{
    private readonly CertificateOperations _ops;

    public HistoryCleanupStep(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public string Name => "history-cleanup";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var uid = state.Certificate.Metadata.Uid;
        if (string.IsNullOrEmpty(uid))
        {
            return StepResult.Continue;
        }

        int? inProgress = ConditionSet.IsTrue(state.Certificate.Status?.Conditions, ConditionTypes.Issuing) ? state.NextRevision : null;
        var limit = state.Spec.RevisionHistoryLimit;
        var requests = CertificateRequestInformer.Of(_ops.Context).ByIndex(CertificateIndexes.RequestsByOwnerUid, uid);
        foreach (var request in OrderHistoryPruner.SelectForDeletion(requests, limit, inProgress))
        {
            await _ops.Context.Apis.CertificateRequests.DeleteAsync(request.Metadata.NamespaceProperty, request.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }

        var orders = OwnerUidIndex.Owned(_ops.Context.Informers.Orders, uid);
        foreach (var order in OrderHistoryPruner.SelectForDeletion(orders, limit, inProgress))
        {
            await _ops.Context.Apis.Orders.DeleteAsync(order.Metadata.NamespaceProperty, order.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }

        return StepResult.Continue;
    }
}

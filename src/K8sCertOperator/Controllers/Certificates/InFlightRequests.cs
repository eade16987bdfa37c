using System.Collections.Concurrent;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.CertificateRequests.AcmeOrders;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Part of the request step: CertificateRequests for the revision being issued that the operator did not name (cert-manager
/// left them in flight when the operator took over) are resumed or replaced, as <see cref="InFlightRequestPolicy"/>
/// decides, each with an Event on the Certificate. A replaced one goes with its Orders and Challenges.
/// </summary>
public sealed class InFlightRequests
{
    public const string ResumedReason = "ResumedInFlightRequest";

    public const string ReplacedReason = "ReplacedInFlightRequest";

    private readonly CertificateOperations _ops;

    // Requests already announced as resumed (by uid), so the Event is recorded once and not on every pass.
    private readonly ConcurrentDictionary<string, byte> _announced = new(StringComparer.Ordinal);

    public InFlightRequests(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    /// <summary>True for a request of <paramref name="revision"/> whose name is not one the operator gives.</summary>
    public static bool IsForeign(CertificateRequest request, string certificateName, int revision)
    {
        ArgumentNullException.ThrowIfNull(request);
        return !OrderNaming.IsOwn(request.Metadata.Name, certificateName, revision);
    }

    /// <summary>
    /// Returns the first of <paramref name="foreign"/> that can be resumed; every other one is deleted with what it made.
    /// </summary>
    public async Task<CertificateRequest?> AdoptAsync(CertificateSyncState state, IEnumerable<CertificateRequest> foreign, byte[] nextKeySpki, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(foreign);
        CertificateRequest? adopted = null;
        foreach (var request in foreign.Where(r => r.Metadata.DeletionTimestamp is null).OrderBy(r => r.Metadata.CreationTimestamp))
        {
            var order = OrderForRequest.Find(_ops.Context.Informers.Orders, request);
            var decision = InFlightRequestPolicy.Decide(InFlightRequestFacts.Of(state.Spec, request, nextKeySpki, order));
            if (adopted is null && decision.Resume)
            {
                adopted = request;
                if (_announced.TryAdd(request.Metadata.Uid ?? request.Metadata.Name, 0))
                {
                    await _ops.RecordAsync(state, EventTypes.Normal, ResumedReason,
                        $"Resumed CertificateRequest {request.Metadata.Name} left in flight: {decision.Reason}", cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var reason = decision.Resume ? "another one is resumed" : decision.Reason;
            await RequestCleanUp.DeleteAsync(_ops.Context, request, cancellationToken).ConfigureAwait(false);
            _announced.TryRemove(request.Metadata.Uid ?? request.Metadata.Name, out _);
            await _ops.RecordAsync(state, EventTypes.Normal, ReplacedReason,
                $"Deleted CertificateRequest {request.Metadata.Name} left in flight, with its Orders and Challenges, to issue through a new one: {reason}",
                cancellationToken).ConfigureAwait(false);
        }

        return adopted;
    }
}

using k8s.Models;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// Holds the operator back while another controller for the same objects (cert-manager's) holds its leader-election
/// Lease: two controllers writing the same Certificates would fight over every Secret. Logs an error naming the Lease,
/// its holder and the fix on every look, and returns once the Lease is released, expired or gone.
/// </summary>
public sealed class ForeignLeaseGuard(IResourceApi<V1Lease> leases, string leaseNamespace, string leaseName, TimeSpan retryPeriod, ILogger logger)
{
    /// <summary>The first verdict that lets the operator start.</summary>
    public async Task<ForeignLeaseVerdict> WaitUntilFreeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var lease = await leases.GetAsync(leaseNamespace, leaseName, cancellationToken).ConfigureAwait(false);
            var verdict = ForeignLeasePolicy.Decide(lease, DateTime.UtcNow);
            if (!verdict.Held)
            {
                logger.LogInformation("cert-manager Lease {Namespace}/{Name}: {Reason}; starting", leaseNamespace, leaseName, verdict.Reason);
                return verdict;
            }

            logger.LogError(
                "Not starting: cert-manager's controller holds Lease {Namespace}/{Name} (holder {Holder}, valid until {Until:O}). " +
                "Two controllers must not reconcile the same cert-manager.io objects: scale cert-manager's controller Deployment to 0 " +
                "(e.g. kubectl -n cert-manager scale deployment cert-manager --replicas=0); this operator starts once the Lease is released or expires",
                leaseNamespace, leaseName, verdict.Holder, verdict.Until);
            await Task.Delay(retryPeriod, cancellationToken).ConfigureAwait(false);
        }
    }
}

using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Start-up clean-up: deletes HTTP-01 solver Ingresses whose Challenge is gone (e.g. the Challenge was force-deleted
/// while the operator was down). Solver Ingresses live in the operator namespace, so owner references cannot do this.
/// </summary>
public static class ChallengeOrphanSweeper
{
    /// <summary>Deletes orphaned solver Ingresses in the operator namespace; returns how many were deleted.</summary>
    public static async Task<int> SweepAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.LoggerFactory.CreateLogger(typeof(ChallengeOrphanSweeper));
        var ns = context.Options.Namespace;
        var ingresses = await context.Apis.Ingresses.ListAsync(ns, ChallengeIngressBuilder.LabelSelectorForAll(), cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var ingress in ingresses.Items)
        {
            if (ChallengeIngressBuilder.TryGetOwner(ingress, out var challengeNamespace, out var challengeName, out var uid))
            {
                // Read from the API, not the cache: deleting a live challenge's route would fail its validation.
                var challenge = await context.Apis.Challenges.GetAsync(challengeNamespace, challengeName, cancellationToken).ConfigureAwait(false);
                if (challenge is not null && challenge.Metadata.Uid == uid)
                {
                    continue;
                }
            }
            if (await context.Apis.Ingresses.DeleteAsync(ns, ingress.Metadata.Name, cancellationToken).ConfigureAwait(false))
            {
                deleted++;
                logger.LogInformation("Deleted orphaned HTTP-01 solver Ingress {Namespace}/{Name}", ns, ingress.Metadata.Name);
            }
        }
        return deleted;
    }
}

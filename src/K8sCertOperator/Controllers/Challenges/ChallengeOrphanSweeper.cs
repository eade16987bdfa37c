using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Start-up clean-up: deletes HTTP-01 solver Ingresses, Services, HTTPRoutes and ReferenceGrants whose Challenge is
/// gone (e.g. the Challenge was force-deleted while the operator was down, or the operator restarted mid-challenge).
/// Pieces in the Challenge's namespace also carry an ownerReference, but garbage collection may lag or be off; pieces
/// in the operator namespace have only their labels and annotations. Gateway API kinds the cluster does not serve
/// are skipped.
/// </summary>
public static class ChallengeOrphanSweeper
{
    /// <summary>Deletes orphaned solver pieces in the watch scope and the operator namespace; returns how many were deleted.</summary>
    public static async Task<int> SweepAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = context.LoggerFactory.CreateLogger(typeof(ChallengeOrphanSweeper));
        var options = context.Options;
        // All namespaces (null) unless the operator is confined to one; then that one and its own.
        string?[] scopes = options.WatchNamespace is null ? [null] : [.. new[] { options.WatchNamespace, options.Namespace }.Distinct(StringComparer.Ordinal)];
        var deleted = 0;
        foreach (var ns in scopes)
        {
            deleted += await SweepAsync(context, context.Apis.Ingresses, ns, logger, cancellationToken).ConfigureAwait(false);
            deleted += await SweepAsync(context, context.Apis.Services, ns, logger, cancellationToken).ConfigureAwait(false);
            deleted += await SweepAsync(context, context.Apis.HttpRoutes, ns, logger, cancellationToken).ConfigureAwait(false);
        }
        // Grants only ever live in the operator's namespace.
        deleted += await SweepAsync(context, context.Apis.ReferenceGrants, options.Namespace, logger, cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private static async Task<int> SweepAsync<T>(OperatorContext context, IResourceApi<T> api, string? scope, ILogger logger, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ResourceList<T> pieces;
        try
        {
            pieces = await api.ListAsync(scope, ChallengeSolverMetadata.LabelSelectorForAll(), ct).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
        {
            // The kind is not served (Gateway API CRDs not installed): nothing of it can be left behind.
            logger.LogDebug("HTTP-01 solver sweep skipped {Kind}: not served", typeof(T).Name);
            return 0;
        }
        var deleted = 0;
        foreach (var piece in pieces.Items)
        {
            if (ChallengeSolverMetadata.TryGetOwner(piece.Metadata, out var challengeNamespace, out var challengeName, out var uid))
            {
                // Read from the API, not the cache: deleting a live challenge's route would fail its validation.
                var challenge = await context.Apis.Challenges.GetAsync(challengeNamespace, challengeName, ct).ConfigureAwait(false);
                if (challenge is not null && challenge.Metadata.Uid == uid)
                {
                    continue;
                }
            }
            var ns = piece.Metadata.NamespaceProperty;
            if (await api.DeleteAsync(ns, piece.Metadata.Name, ct).ConfigureAwait(false))
            {
                deleted++;
                logger.LogInformation("Deleted orphaned HTTP-01 solver {Kind} {Namespace}/{Name}", typeof(T).Name, ns, piece.Metadata.Name);
            }
        }
        return deleted;
    }
}

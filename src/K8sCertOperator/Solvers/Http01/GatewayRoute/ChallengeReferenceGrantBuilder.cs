using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Solvers.Http01.GatewayRoute;

/// <summary>
/// Builds the ReferenceGrant, in the operator's namespace, that lets HTTPRoutes of one Challenge's namespace send
/// traffic to the operator's responder Service (and to nothing else there). One per Challenge, named and labelled
/// like its route, so it is created, deleted and swept with it; it cannot be owned by the Challenge (another namespace).
/// </summary>
public static class ChallengeReferenceGrantBuilder
{
    /// <summary>The desired grant for <paramref name="challenge"/>'s route.</summary>
    public static ReferenceGrant Build(Challenge challenge, ChallengeIngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(options);
        return new ReferenceGrant
        {
            // Metadata as for a piece placed in the operator's namespace: same name and labels, no ownerReference.
            Metadata = ChallengeSolverMetadata.For(challenge, options with { SolverNamespace = Http01SolverNamespace.Operator }),
            Spec = new ReferenceGrantSpec
            {
                From =
                [
                    new ReferenceGrantFrom
                    {
                        Group = HttpRouteNames.Group,
                        Kind = HttpRouteNames.HttpRouteKind,
                        Namespace = challenge.Metadata.NamespaceProperty ?? "",
                    },
                ],
                To = [new ReferenceGrantTo { Group = "", Kind = HttpRouteNames.ServiceKind, Name = options.ServiceName }],
            },
        };
    }

    /// <summary>True when <paramref name="existing"/> grants exactly what <paramref name="desired"/> does and carries its labels.</summary>
    public static bool IsUpToDate(ReferenceGrant existing, ReferenceGrant desired)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        var (a, b) = (existing.Spec, desired.Spec);
        return a is not null
            && ChallengeSolverMetadata.Carries(existing.Metadata, desired.Metadata)
            && (a.From ?? []).Select(f => (f.Group, f.Kind, f.Namespace)).SequenceEqual(b.From.Select(f => (f.Group, f.Kind, f.Namespace)))
            && (a.To ?? []).Select(t => (t.Group, t.Kind, t.Name)).SequenceEqual(b.To.Select(t => (t.Group, t.Kind, t.Name)));
    }
}

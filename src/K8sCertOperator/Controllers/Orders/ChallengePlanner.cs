using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Step 2 (pure): refuses authorizations for names the Order did not request
/// (<see cref="AuthorizationIdentifierCheck"/>), then one Challenge per authorization that still needs solving, with the issuer solver chosen by
/// <see cref="SolverSelector"/>. The selection call lives only here.
/// </summary>
public static class ChallengePlanner
{
    /// <summary>Builds the desired Challenges; <paramref name="keyAuthorization"/> maps a token to its key authorization.</summary>
    /// <param name="order">The Order with its authorizations.</param>
    /// <param name="solvers">The issuer's solvers.</param>
    /// <param name="certificateLabels">Labels the selectors match.</param>
    /// <param name="keyAuthorization">Token → key authorization under the account key.</param>
    /// <param name="accountUrl">The ACME account URL (dns-persist-01 records and dns-account-01 labels name it).</param>
    public static ChallengePlan Plan(
        Order order,
        IReadOnlyList<AcmeChallengeSolver> solvers,
        IReadOnlyDictionary<string, string>? certificateLabels,
        Func<string, string> keyAuthorization,
        string? accountUrl = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(solvers);
        ArgumentNullException.ThrowIfNull(keyAuthorization);
        if (AuthorizationIdentifierCheck.Check(order.Spec, order.Status?.Authorizations ?? []) is { } foreign)
        {
            return new ChallengePlan([], foreign);
        }
        var challenges = new List<Challenge>();
        foreach (var authz in order.Status?.Authorizations ?? [])
        {
            if (authz.InitialState == Acme.Resources.AcmeStatus.Valid)
            {
                continue; // reused authorization: nothing to prove
            }
            var identifier = authz.Identifier ?? "";
            var offered = (authz.Challenges ?? []).Select(c => c.Type).ToList();
            var selection = SolverSelector.Select(solvers, identifier, authz.Wildcard == true, certificateLabels, offered);
            if (!selection.IsSelected)
            {
                return new ChallengePlan([], selection.FailureReason);
            }
            var offeredChallenge = (authz.Challenges ?? []).First(c => c.Type == selection.AcmeChallengeType);
            if (AccountBoundChallengeCheck.Check(selection.ChallengeType!, identifier, offeredChallenge, accountUrl) is { } refused)
            {
                return new ChallengePlan([], refused);
            }
            var key = ChallengeTypes.UsesToken(selection.ChallengeType!) ? keyAuthorization(offeredChallenge.Token) : "";
            var challenge = Build(order, authz, offeredChallenge, selection.Solver!, selection.ChallengeType!, key);
            challenge.Spec.AccountUrl = accountUrl;
            challenge.Spec.IssuerDomainNames = offeredChallenge.IssuerDomainNames is { Count: > 0 } names ? [.. names] : null;
            challenges.Add(challenge);
        }
        return new ChallengePlan(challenges, null);
    }

    private static Challenge Build(Order order, AcmeAuthorization authz, AcmeChallenge offered, AcmeChallengeSolver solver, string type, string key)
    {
        var labels = new Dictionary<string, string>(order.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (order.Metadata.Annotations?.TryGetValue(AnnotationKeys.CertificateRevision, out var revision) == true)
        {
            annotations[AnnotationKeys.CertificateRevision] = revision;
        }
        return new Challenge
        {
            Metadata = new V1ObjectMeta
            {
                Name = ChallengeNaming.For(order.Metadata.Name, authz.Url, type),
                NamespaceProperty = order.Metadata.NamespaceProperty,
                Labels = labels,
                Annotations = annotations.Count == 0 ? null : annotations,
                OwnerReferences = [Kube.ControllerOwner.Reference(ApiGroups.AcmeApiVersion, ApiGroups.OrderKind, order.Metadata)],
            },
            Spec = new ChallengeSpec
            {
                Url = offered.Url,
                AuthorizationUrl = authz.Url,
                DnsName = authz.Identifier ?? "",
                Wildcard = authz.Wildcard == true,
                Type = type,
                Token = offered.Token,
                Key = key,
                Solver = WithIngressClassOverride(solver, order),
                IssuerRef = order.Spec.IssuerRef,
            },
        };
    }

    /// <summary>
    /// An Ingress annotated <c>acme.k8scert.io/http01-ingress-class</c> asks for its challenges to be
    /// routed through that class; the ingress-shim records it on the Certificate and the
    /// Certificate controller copies it to the Order. The issuer's solver itself is not changed.
    /// </summary>
    public static AcmeChallengeSolver WithIngressClassOverride(AcmeChallengeSolver solver, Order order)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(order);
        if (solver.Http01?.Ingress is not { } ingress
            || order.Metadata.Annotations is not { } annotations
            || !annotations.TryGetValue(AnnotationKeys.AcmeHttp01OverrideIngressClass, out var ingressClass)
            || string.IsNullOrWhiteSpace(ingressClass))
        {
            return solver;
        }
        var copy = Kube.Client.KubeJson.Clone(solver);
        copy.Http01!.Ingress!.IngressClassName = ingressClass;
        copy.Http01.Ingress.Class = null;
        return copy;
    }
}

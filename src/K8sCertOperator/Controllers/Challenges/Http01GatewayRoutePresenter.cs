using k8s;
using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using K8sCertOperator.Solvers.Http01.GatewayRoute;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Creates and removes the route of one HTTP-01 Challenge solved by <c>http01.gatewayHTTPRoute</c>: a temporary
/// HTTPRoute and, when it lives beside the Challenge, the ReferenceGrant in the operator's namespace that lets it
/// reach the responder Service (grant first, so the route never points at a Service it may not use). When the
/// cluster does not serve the Gateway API kinds, presenting fails with a <see cref="PresentationRefusedException"/>
/// that says so: the Challenge, its Order and Certificate report it, and no retry loop starts. The same happens, with
/// nothing written, when the operator runs with <c>--gateway-api=off</c>.
/// </summary>
public sealed class Http01GatewayRoutePresenter : IHttp01RoutePresenter
{
    private readonly OperatorContext _context;

    public Http01GatewayRoutePresenter(OperatorContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>The reason given when the API server does not serve <paramref name="kind"/> (Gateway API CRDs not installed).</summary>
    public static string NotServedMessage(string kind, string version) =>
        $"the cluster does not serve {kind} ({HttpRouteNames.Group}/{version}): install the Gateway API CRDs " +
        "(standard channel) to solve HTTP-01 with http01.gatewayHTTPRoute, or use http01.ingress";

    /// <summary>The reason given when the operator runs with Gateway API support switched off.</summary>
    public const string SwitchedOffMessage =
        "Gateway API support is off (--gateway-api=off): http01.gatewayHTTPRoute writes no HTTPRoute; " +
        "run the operator with --gateway-api=auto or on, or use http01.ingress";

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (_context.Options.GatewayApi == GatewayApiMode.Off)
        {
            throw new PresentationRefusedException(SwitchedOffMessage);
        }

        var options = Http01RoutePresenter.OptionsFor(_context.Options);
        var route = ChallengeHttpRouteBuilder.Build(challenge, options);
        if (ChallengeHttpRouteBuilder.NeedsReferenceGrant(challenge.Metadata.NamespaceProperty ?? "", options))
        {
            var grant = ChallengeReferenceGrantBuilder.Build(challenge, options);
            await EnsureServedAsync(_context.Apis.ReferenceGrants, grant, ChallengeReferenceGrantBuilder.IsUpToDate, challenge, HttpRouteNames.ReferenceGrantVersion, ct)
                .ConfigureAwait(false);
        }
        await EnsureServedAsync(_context.Apis.HttpRoutes, route, ChallengeHttpRouteComparer.IsUpToDate, challenge, HttpRouteNames.HttpRouteVersion, ct)
            .ConfigureAwait(false);
    }

    /// <summary>Deletes the route wherever it may be (the placement may have changed) and the grant; kinds not served count as deleted.</summary>
    public async Task CleanUpAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var (name, namespaces) = ChallengeSolverMetadata.PlacesOf(challenge, _context.Options.Namespace);
        foreach (var ns in namespaces)
        {
            await _context.Apis.HttpRoutes.DeleteAsync(ns, name, ct).ConfigureAwait(false);
        }
        await _context.Apis.ReferenceGrants.DeleteAsync(_context.Options.Namespace, name, ct).ConfigureAwait(false);
    }

    private static async Task EnsureServedAsync<T>(
        IResourceApi<T> api, T desired, Func<T, T, bool> isUpToDate, Challenge challenge, string version, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            await SolverPieceWriter.EnsureAsync(api, desired, isUpToDate, challenge, ct).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
        {
            // A create answered 404: the kind is not served (the namespaces involved exist: the Challenge's and ours).
            throw new PresentationRefusedException(NotServedMessage(desired.Kind, version), e);
        }
    }
}

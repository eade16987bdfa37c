using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// HTTP-01: serves the key authorization from the in-process token store and routes the challenge path to the
/// responder with a temporary Ingress (<see cref="Http01RoutePresenter"/>) or, for <c>http01.gatewayHTTPRoute</c>,
/// a temporary HTTPRoute (<see cref="Http01GatewayRoutePresenter"/>).
/// </summary>
public sealed class Http01ChallengeSolver : IChallengeSolver
{
    private readonly OperatorContext _context;
    private readonly Http01SelfCheck? _selfCheck;
    private readonly Http01RoutePresenter _ingressRoutes;
    private readonly Http01GatewayRoutePresenter _gatewayRoutes;

    /// <param name="context">Shared operator services.</param>
    /// <param name="selfCheckClient">Client for the self-check GET (<see cref="Http01SelfCheck.CreateClient"/>); null skips the self-check.</param>
    public Http01ChallengeSolver(OperatorContext context, HttpClient? selfCheckClient)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _selfCheck = selfCheckClient is null ? null : new Http01SelfCheck(selfCheckClient, context.LoggerFactory.CreateLogger<Http01SelfCheck>());
        _ingressRoutes = new Http01RoutePresenter(context);
        _gatewayRoutes = new Http01GatewayRoutePresenter(context);
    }

    /// <summary>Owner key in the token store: the Challenge's namespace/name.</summary>
    public static string TokenOwner(Challenge challenge) => ObjectKey.From(challenge).ToString();

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        // The route first: a Challenge it cannot be built or admitted for is never served.
        await RoutesFor(challenge).PresentAsync(challenge, ct).ConfigureAwait(false);
        // Serve locally at once; every other replica learns the token through Http01TokenSync.
        _context.Http01Tokens.Set(TokenOwner(challenge), challenge.Spec.Token, challenge.Spec.Key);
    }

    public async Task<SolverCheckResult> CheckAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return _selfCheck is null
            ? SolverCheckResult.Ready("self-check disabled")
            : await _selfCheck.CheckAsync(challenge.Spec.DnsName, challenge.Spec.Token, challenge.Spec.Key, ct).ConfigureAwait(false);
    }

    public async Task CleanUpAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        _context.Http01Tokens.Remove(TokenOwner(challenge), challenge.Spec.Token);
        await RoutesFor(challenge).CleanUpAsync(challenge, ct).ConfigureAwait(false);
    }

    private IHttp01RoutePresenter RoutesFor(Challenge challenge) =>
        challenge.Spec.Solver.Http01?.GatewayHttpRoute is not null ? _gatewayRoutes : _ingressRoutes;
}

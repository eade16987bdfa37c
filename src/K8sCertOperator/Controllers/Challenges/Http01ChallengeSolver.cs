using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// HTTP-01: serves the key authorization from the in-process token store and routes the challenge path to the
/// responder with a temporary Ingress (see <see cref="Http01RoutePresenter"/>).
/// </summary>
public sealed class Http01ChallengeSolver : IChallengeSolver
{
    private readonly OperatorContext _context;
    private readonly Http01SelfCheck? _selfCheck;
    private readonly Http01RoutePresenter _routes;

    /// <param name="context">Shared operator services.</param>
    /// <param name="selfCheckClient">Client for the self-check GET (<see cref="Http01SelfCheck.CreateClient"/>); null skips the self-check.</param>
    public Http01ChallengeSolver(OperatorContext context, HttpClient? selfCheckClient)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _selfCheck = selfCheckClient is null ? null : new Http01SelfCheck(selfCheckClient, context.LoggerFactory.CreateLogger<Http01SelfCheck>());
        _routes = new Http01RoutePresenter(context);
    }

    /// <summary>Owner key in the token store: the Challenge's namespace/name.</summary>
    public static string TokenOwner(Challenge challenge) => ObjectKey.From(challenge).ToString();

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        // The route first: a Challenge it cannot be built or admitted for is never served.
        await _routes.PresentAsync(challenge, ct).ConfigureAwait(false);
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
        await _routes.CleanUpAsync(challenge, ct).ConfigureAwait(false);
    }
}

using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// HTTP-01: serves the key authorization from the in-process token store and routes the challenge path to the
/// responder with a temporary Ingress (see <see cref="Http01RoutePresenter"/>).
/// </summary>
public sealed class Http01ChallengeSolver : IChallengeSolver
{
    private static readonly TimeSpan SelfCheckTimeout = TimeSpan.FromSeconds(5);

    private readonly OperatorContext _context;
    private readonly HttpClient? _selfCheckClient;
    private readonly Http01RoutePresenter _routes;

    /// <param name="context">Shared operator services.</param>
    /// <param name="selfCheckClient">Client for the self-check GET; null skips the self-check.</param>
    public Http01ChallengeSolver(OperatorContext context, HttpClient? selfCheckClient)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _selfCheckClient = selfCheckClient;
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
        if (_selfCheckClient is null)
        {
            return SolverCheckResult.Ready("self-check disabled");
        }
        var url = new Uri($"http://{challenge.Spec.DnsName}{Http01Responder.PathPrefix}{challenge.Spec.Token}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SelfCheckTimeout);
        try
        {
            using var response = await _selfCheckClient.GetAsync(url, timeout.Token).ConfigureAwait(false);
            var body = (await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)).Trim();
            return response.IsSuccessStatusCode && body == challenge.Spec.Key
                ? SolverCheckResult.Ready($"{url} serves the key authorization")
                : SolverCheckResult.NotYet($"self-check GET {url}: HTTP {(int)response.StatusCode}, {(response.IsSuccessStatusCode ? "wrong body" : "not served")}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return SolverCheckResult.NotYet($"self-check GET {url} failed: {e.Message}");
        }
    }

    public async Task CleanUpAsync(Challenge challenge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        _context.Http01Tokens.Remove(TokenOwner(challenge), challenge.Spec.Token);
        await _routes.CleanUpAsync(challenge, ct).ConfigureAwait(false);
    }
}

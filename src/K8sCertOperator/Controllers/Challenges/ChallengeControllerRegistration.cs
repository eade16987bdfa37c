using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Registers the Challenge controller: keyed by Challenge, with the HTTP-01 and DNS-01 solvers.</summary>
public sealed class ChallengeControllerRegistration : IControllerRegistration
{
    private readonly bool? _http01SelfCheck;

    /// <param name="http01SelfCheck">
    /// GET the challenge URL before asking the CA to validate; null follows <c>OperatorOptions.Http01SelfCheck</c>
    /// (off where nothing routes the name, e.g. tests).
    /// </param>
    public ChallengeControllerRegistration(bool? http01SelfCheck = null) => _http01SelfCheck = http01SelfCheck;

    public string Name => "challenges";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        context.Informers.Challenges.EnqueueOnChange(queue);
        // The self-check client lives as long as the process; one instance pools its connections.
        var selfCheck = (_http01SelfCheck ?? context.Options.Http01SelfCheck)
            ? (context.Options.Http01SelfCheckAllowLoopback ? LoopbackSelfCheckClient : SelfCheckClient).Value
            : null;
        return new ChallengeReconciler(context, new ChallengeSolverSet(
            new Http01ChallengeSolver(context, selfCheck), new Dns01ChallengeSolver(context), new DnsPersist01ChallengeSolver(context)));
    }

    private static readonly Lazy<HttpClient> SelfCheckClient = new(() => Http01SelfCheck.CreateClient(allowLoopback: false));

    private static readonly Lazy<HttpClient> LoopbackSelfCheckClient = new(() => Http01SelfCheck.CreateClient(allowLoopback: true));
}

using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Keeps the HTTP-01 token store in step with the Challenge informer, on every replica and regardless of
/// leadership, so whichever replica the ingress routes to can answer. Dispose to unsubscribe.
/// </summary>
public sealed class Http01TokenSync : IDisposable
{
    private readonly IInformer<Challenge> _informer;
    private readonly Http01TokenStore _store;

    private Http01TokenSync(IInformer<Challenge> informer, Http01TokenStore store)
    {
        _informer = informer;
        _store = store;
    }

    /// <summary>Subscribes to <paramref name="informer"/> and loads what its cache already holds.</summary>
    public static Http01TokenSync Attach(IInformer<Challenge> informer, Http01TokenStore store)
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(store);
        var sync = new Http01TokenSync(informer, store);
        informer.OnAdd += sync.Apply;
        informer.OnUpdate += sync.OnUpdate;
        informer.OnDelete += sync.OnDelete;
        foreach (var challenge in informer.List())
        {
            sync.Apply(challenge);
        }
        return sync;
    }

    /// <summary>True when the token of <paramref name="challenge"/> should be served.</summary>
    public static bool ShouldServe(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.Spec.Type == ChallengeTypes.Http01
            && !string.IsNullOrEmpty(challenge.Spec.Token)
            && !string.IsNullOrEmpty(challenge.Spec.Key)
            && !AcmeStates.IsFinal(challenge.Status?.State)
            && challenge.Metadata.DeletionTimestamp is null;
    }

    public void Dispose()
    {
        _informer.OnAdd -= Apply;
        _informer.OnUpdate -= OnUpdate;
        _informer.OnDelete -= OnDelete;
    }

    private void Apply(Challenge challenge)
    {
        var owner = Http01ChallengeSolver.TokenOwner(challenge);
        if (ShouldServe(challenge))
        {
            _store.Set(owner, challenge.Spec.Token, challenge.Spec.Key);
        }
        else
        {
            _store.RemoveOwner(owner);
        }
    }

    private void OnUpdate(Challenge oldChallenge, Challenge newChallenge)
    {
        if (oldChallenge.Spec.Token != newChallenge.Spec.Token)
        {
            _store.Remove(Http01ChallengeSolver.TokenOwner(oldChallenge), oldChallenge.Spec.Token);
        }
        Apply(newChallenge);
    }

    private void OnDelete(Challenge challenge) => _store.RemoveOwner(Http01ChallengeSolver.TokenOwner(challenge));
}

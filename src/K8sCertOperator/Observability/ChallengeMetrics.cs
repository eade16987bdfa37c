using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Informers;
using Prometheus;

namespace K8sCertOperator.Observability;

/// <summary><c>k8scert_challenges{type,state}</c>: how many Challenges sit in each state, recounted from the informer cache.</summary>
public sealed class ChallengeMetrics : IDisposable
{
    private static readonly Gauge Challenges = Metrics.CreateGauge(
        "k8scert_challenges", "ACME Challenges by type and state.", "type", "state");

    private readonly IInformer<Challenge> _informer;
    private readonly object _gate = new();
    private HashSet<(string Type, string State)> _exported = [];

    private ChallengeMetrics(IInformer<Challenge> informer) => _informer = informer;

    public static ChallengeMetrics Attach(IInformer<Challenge> informer)
    {
        ArgumentNullException.ThrowIfNull(informer);
        var metrics = new ChallengeMetrics(informer);
        informer.OnAdd += metrics.OnChange;
        informer.OnUpdate += metrics.OnUpdate;
        informer.OnDelete += metrics.OnChange;
        metrics.Recount();
        return metrics;
    }

    /// <summary>Counts per (type, state); a Challenge without a state yet counts as "pending".</summary>
    public static IReadOnlyDictionary<(string Type, string State), int> Count(IEnumerable<Challenge> challenges) =>
        challenges
            .GroupBy(c => (c.Spec?.Type ?? "", string.IsNullOrEmpty(c.Status?.State) ? AcmeStates.Pending : c.Status!.State!))
            .ToDictionary(g => g.Key, g => g.Count());

    public void Dispose()
    {
        _informer.OnAdd -= OnChange;
        _informer.OnUpdate -= OnUpdate;
        _informer.OnDelete -= OnChange;
    }

    private void OnChange(Challenge challenge) => Recount();

    private void OnUpdate(Challenge oldChallenge, Challenge newChallenge) => Recount();

    // Recounting the cache is cheap (challenges are few and short-lived) and can never drift.
    private void Recount()
    {
        lock (_gate)
        {
            var counts = Count(_informer.List());
            foreach (var gone in _exported.Where(k => !counts.ContainsKey(k)))
            {
                Challenges.RemoveLabelled(gone.Type, gone.State);
            }
            foreach (var (key, count) in counts)
            {
                Challenges.WithLabels(key.Type, key.State).Set(count);
            }
            _exported = [.. counts.Keys];
        }
    }
}

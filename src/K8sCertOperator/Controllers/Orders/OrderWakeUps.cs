using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Which changes of an Order and its Challenges wake the Order controller, pure. Every wake-up of an Order that has
/// an ACME order asks the CA for it (a signed request), and a Challenge is written five or six times while it is
/// solved (finalizer, presented, processing, state), so only the changes the Order acts on count; its own polls are
/// requeues it asks for.
/// </summary>
public static class OrderWakeUps
{
    /// <summary>An Order matters when it appears, its spec, labels or annotations change, its deletion starts, or its state or URL moves.</summary>
    public static bool OrderMatters(Order? before, Order after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return before is null
            || before.Metadata.Generation != after.Metadata.Generation
            || before.Metadata.DeletionTimestamp != after.Metadata.DeletionTimestamp
            || !SameMap(before.Metadata.Annotations, after.Metadata.Annotations)
            || !SameMap(before.Metadata.Labels, after.Metadata.Labels)
            || before.Status?.State != after.Status?.State
            || before.Status?.Url != after.Status?.Url;
    }

    /// <summary>A Challenge matters to its Order when it appears, its state moves (valid, invalid, errored) or its deletion starts.</summary>
    public static bool ChallengeMatters(Challenge? before, Challenge after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return before is null
            || before.Status?.State != after.Status?.State
            || before.Metadata.DeletionTimestamp != after.Metadata.DeletionTimestamp;
    }

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a is null || a.All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value));
}

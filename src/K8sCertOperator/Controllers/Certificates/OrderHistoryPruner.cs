using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Which completed Orders of a Certificate to delete so at most revisionHistoryLimit remain.</summary>
public static class OrderHistoryPruner
{
    public const int DefaultLimit = 1;

    /// <summary>
    /// Completed (final-state) Orders beyond the newest <paramref name="limit"/> (by revision, then valid before failed, then creation time).
    /// Orders still in progress, and any Order of <paramref name="inProgressRevision"/>, are never selected.
    /// </summary>
    public static IReadOnlyList<Order> SelectForDeletion(IEnumerable<Order> owned, int? limit, int? inProgressRevision)
    {
        ArgumentNullException.ThrowIfNull(owned);
        var keep = limit is > 0 ? limit.Value : DefaultLimit;
        return owned
            .Where(o => AcmeStates.IsFinal(o.Status?.State))
            .Where(o => inProgressRevision is null || OrderFactory.RevisionOf(o) != inProgressRevision)
            .OrderByDescending(o => OrderFactory.RevisionOf(o) ?? -1)
            // Within a revision the valid Order (the one that produced the certificate) outranks failed attempts,
            // whose creation times can tie with it at the API's one-second resolution.
            .ThenByDescending(o => o.Status?.State == AcmeStates.Valid)
            .ThenByDescending(o => o.Metadata?.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(o => o.Metadata?.Name, StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
    }
}

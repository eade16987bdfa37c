namespace K8sCertOperator.Controllers.Certificates;

/// <summary>What the history pruner needs to know of one past issuance object (a CertificateRequest or an Order).</summary>
public sealed record HistoryFacts(int? Revision, bool Final, bool Succeeded, DateTime? Created, string Name);

/// <summary>Which completed issuance objects of a Certificate to delete so at most revisionHistoryLimit remain.</summary>
public static class RevisionHistoryPruner
{
    public const int DefaultLimit = 1;

    /// <summary>
    /// Completed objects beyond the newest <paramref name="limit"/> (by revision, then succeeded before failed, then
    /// creation time). Objects still in progress, and any of <paramref name="inProgressRevision"/>, are never selected.
    /// </summary>
    public static IReadOnlyList<T> SelectForDeletion<T>(IEnumerable<T> owned, int? limit, int? inProgressRevision, Func<T, HistoryFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(facts);
        var keep = limit is > 0 ? limit.Value : DefaultLimit;
        return owned
            .Select(o => (Item: o, Facts: facts(o)))
            .Where(x => x.Facts.Final)
            .Where(x => inProgressRevision is null || x.Facts.Revision != inProgressRevision)
            .OrderByDescending(x => x.Facts.Revision ?? -1)
            // Within a revision the one that produced the certificate outranks failed attempts, whose creation
            // times can tie with it at the API's one-second resolution.
            .ThenByDescending(x => x.Facts.Succeeded)
            .ThenByDescending(x => x.Facts.Created ?? DateTime.MinValue)
            .ThenBy(x => x.Facts.Name, StringComparer.Ordinal)
            .Skip(keep)
            .Select(x => x.Item)
            .ToList();
    }
}

using System.Collections.Concurrent;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Remembers the Orders (by uid) whose ACME order this process has just opened, until the informer cache shows the
/// status that records it. A reconcile that runs on the older cached copy in between would otherwise see "no order
/// yet" and open a second one at the CA.
/// </summary>
public sealed class CreatedOrderMemo
{
    /// <summary>Safety requeue while waiting for the cache; the Order's own watch event usually comes first.</summary>
    public static readonly TimeSpan CacheCatchUp = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, byte> _awaitingCache = new(StringComparer.Ordinal);

    public void Remember(string? uid)
    {
        if (!string.IsNullOrEmpty(uid))
        {
            _awaitingCache[uid] = 0;
        }
    }

    public void Forget(string? uid)
    {
        if (!string.IsNullOrEmpty(uid))
        {
            _awaitingCache.TryRemove(uid, out _);
        }
    }

    /// <summary>
    /// True when the cached copy is older than our own write: it still asks to create an order we already created.
    /// Once the cache shows any later step the uid is forgotten.
    /// </summary>
    public bool IsStale(string? uid, bool cacheSaysCreate)
    {
        if (string.IsNullOrEmpty(uid) || !_awaitingCache.ContainsKey(uid))
        {
            return false;
        }

        if (!cacheSaysCreate)
        {
            Forget(uid);
        }

        return cacheSaysCreate;
    }
}

using System.Collections.Concurrent;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Remembers the Orders whose ACME order this process has just opened (key → uid), until the informer cache shows
/// the status that records it. A reconcile that runs on the older cached copy in between would otherwise see "no
/// order yet" and open a second one at the CA, spending a second order-rate token.
/// </summary>
public sealed class CreatedOrderMemo
{
    /// <summary>Safety requeue while waiting for the cache; the Order's own watch event usually comes first.</summary>
    public static readonly TimeSpan CacheCatchUp = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<ObjectKey, string> _awaitingCache = new();

    public void Remember(ObjectKey key, string? uid)
    {
        if (!string.IsNullOrEmpty(uid))
        {
            _awaitingCache[key] = uid;
        }
    }

    public void Forget(ObjectKey key) => _awaitingCache.TryRemove(key, out _);

    /// <summary>
    /// True when the cached copy (<paramref name="uid"/>) is older than our own write: it still asks to create an
    /// order we already created. Once the cache shows any later step, or a new object under the same name, the
    /// entry is dropped.
    /// </summary>
    public bool IsStale(ObjectKey key, string? uid, bool cacheSaysCreate)
    {
        if (!_awaitingCache.TryGetValue(key, out var created))
        {
            return false;
        }

        if (cacheSaysCreate && created == uid)
        {
            return true;
        }

        Forget(key);
        return false;
    }
}

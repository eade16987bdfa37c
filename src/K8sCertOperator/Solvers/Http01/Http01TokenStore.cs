using System.Collections.Concurrent;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// Token → key authorization for every HTTP-01 challenge this replica knows of. Fed from the
/// Challenge informer on every replica (not only the leader), so whichever replica the ingress
/// controller routes to can answer.
/// </summary>
public sealed class Http01TokenStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Number of tokens currently served.</summary>
    public int Count => _entries.Count;

    /// <summary>Serves <paramref name="keyAuthorization"/> for <paramref name="token"/>, owned by <paramref name="owner"/>.</summary>
    public void Set(string owner, string token, string keyAuthorization) =>
        _entries[token] = new Entry(owner, keyAuthorization);

    /// <summary>Stops serving the token, but only if <paramref name="owner"/> still owns it.</summary>
    public void Remove(string owner, string token)
    {
        if (_entries.TryGetValue(token, out var entry) && entry.Owner == owner)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
        }
    }

    /// <summary>Drops every token of <paramref name="owner"/> (a Challenge was deleted).</summary>
    public void RemoveOwner(string owner)
    {
        foreach (var pair in _entries)
        {
            if (pair.Value.Owner == owner)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    public bool TryGet(string token, out string keyAuthorization)
    {
        if (_entries.TryGetValue(token, out var entry))
        {
            keyAuthorization = entry.KeyAuthorization;
            return true;
        }
        keyAuthorization = string.Empty;
        return false;
    }

    private sealed record Entry(string Owner, string KeyAuthorization);
}

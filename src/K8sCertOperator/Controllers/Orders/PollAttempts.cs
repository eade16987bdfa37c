using System.Collections.Concurrent;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Per-object poll counters kept in memory: they only shape back-off, so losing them on restart just
/// makes the first polls fast again.
/// </summary>
public sealed class PollAttempts
{
    private readonly ConcurrentDictionary<ObjectKey, int> _attempts = new();

    /// <summary>Returns the current attempt number for <paramref name="key"/> and counts one more.</summary>
    public int Next(ObjectKey key) => _attempts.AddOrUpdate(key, 1, (_, n) => n + 1) - 1;

    /// <summary>The current attempt number for <paramref name="key"/>, without counting.</summary>
    public int Peek(ObjectKey key) => _attempts.TryGetValue(key, out var n) ? n : 0;

    public void Reset(ObjectKey key) => _attempts.TryRemove(key, out _);
}

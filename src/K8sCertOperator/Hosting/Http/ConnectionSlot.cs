namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// One admitted connection's place in its listener's <see cref="ConnectionTable"/>: its id (accept order), its
/// phase, and the token that fires when the table evicts it. The table changes it under its lock.
/// </summary>
public sealed class ConnectionSlot : IDisposable
{
    private readonly CancellationTokenSource _eviction = new();

    internal ConnectionSlot(long id) => Id = id;

    public long Id { get; }

    public ConnectionPhase Phase { get; internal set; } = ConnectionPhase.ReadingHead;

    /// <summary>Set once the table took the slot away to admit a newer connection.</summary>
    public bool WasEvicted { get; private set; }

    /// <summary>Fires when the slot is evicted.</summary>
    public CancellationToken Eviction => _eviction.Token;

    // Where the slot sits in the table's list for its phase; null once it left the table.
    internal LinkedListNode<ConnectionSlot>? Node { get; set; }

    internal void MarkEvicted() => WasEvicted = true;

    // Cancelled outside the table's lock: callbacks of the connection's reads run inline. Never disposed
    // concurrently: the connection disposes only a slot it released itself, which no one can evict any more.
    internal void SignalEviction() => _eviction.Cancel();

    public void Dispose() => _eviction.Dispose();
}

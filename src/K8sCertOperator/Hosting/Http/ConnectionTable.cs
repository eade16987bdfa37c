namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// The live connections of one listener and its budget: admits a newcomer, evicts or refuses by
/// <see cref="ConnectionBudgetPolicy"/>, and tracks each connection's phase in accept (or phase-entry) order so
/// the oldest candidate is found at once. Thread-safe; every operation is O(1).
/// </summary>
public sealed class ConnectionTable
{
    private readonly object _gate = new();
    private readonly int _maxConnections;
    private readonly LinkedList<ConnectionSlot> _readingHead = new();
    private readonly LinkedList<ConnectionSlot> _answering = new();
    private readonly LinkedList<ConnectionSlot> _lingering = new();
    private long _nextId;

    public ConnectionTable(int maxConnections)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnections);
        _maxConnections = maxConnections;
    }

    /// <summary>Connections holding a slot now.</summary>
    public int Open
    {
        get
        {
            lock (_gate)
            {
                return OpenLocked;
            }
        }
    }

    private int OpenLocked => _readingHead.Count + _answering.Count + _lingering.Count;

    /// <summary>
    /// Decides for a connection just accepted. Returns its slot (reading its head), or null when refused;
    /// <paramref name="evicted"/> is the slot it displaced, already out of the table and signalled.
    /// </summary>
    public ConnectionSlot? TryAdmit(out ConnectionSlot? evicted)
    {
        evicted = null;
        ConnectionSlot slot;
        lock (_gate)
        {
            var decision = ConnectionBudgetPolicy.Decide(
                OpenLocked, _maxConnections, _readingHead.First?.Value.Id, _lingering.First?.Value.Id);
            if (decision.Kind == AdmissionKind.Refuse)
            {
                return null;
            }
            if (decision.Kind == AdmissionKind.AdmitByEvicting)
            {
                evicted = decision.Victim == _readingHead.First?.Value.Id ? _readingHead.First!.Value : _lingering.First!.Value;
                RemoveLocked(evicted);
                evicted.MarkEvicted();
            }
            slot = new ConnectionSlot(++_nextId);
            slot.Node = _readingHead.AddLast(slot);
        }
        evicted?.SignalEviction();
        return slot;
    }

    /// <summary>Moves a slot to a later phase; false when it was evicted meanwhile (it must then close).</summary>
    public bool TryMove(ConnectionSlot slot, ConnectionPhase phase)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_gate)
        {
            if (slot.Node is null)
            {
                return false;
            }
            RemoveLocked(slot);
            slot.Phase = phase;
            slot.Node = ListFor(phase).AddLast(slot);
            return true;
        }
    }

    /// <summary>Gives the slot back when its connection ends; true if it still held one (not evicted).</summary>
    public bool Release(ConnectionSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        lock (_gate)
        {
            if (slot.Node is null)
            {
                return false;
            }
            RemoveLocked(slot);
            return true;
        }
    }

    private void RemoveLocked(ConnectionSlot slot)
    {
        ListFor(slot.Phase).Remove(slot.Node!);
        slot.Node = null;
    }

    private LinkedList<ConnectionSlot> ListFor(ConnectionPhase phase) => phase switch
    {
        ConnectionPhase.ReadingHead => _readingHead,
        ConnectionPhase.Answering => _answering,
        _ => _lingering,
    };
}

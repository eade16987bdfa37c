namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// Who gets a slot when a listener's connection budget is full, as a pure function. The accept loop never
/// waits for a slot (idle sockets must not hold up the one behind them in the backlog); instead a newcomer
/// takes the slot of the connection that has waited longest without sending a complete request head. A
/// connection whose head is complete is never evicted, so a real request is never delayed by idle ones;
/// only when every slot is answering a request is the newcomer refused.
/// </summary>
public static class ConnectionBudgetPolicy
{
    /// <param name="open">Connections holding a slot now (every phase).</param>
    /// <param name="maxConnections">The listener's budget.</param>
    /// <param name="oldestReadingHead">Id of the longest-waiting connection still reading its head, or null.</param>
    /// <param name="oldestLingering">Id of the longest-lingering connection already answered, or null.</param>
    public static AdmissionDecision Decide(int open, int maxConnections, long? oldestReadingHead, long? oldestLingering)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConnections);
        if (open < maxConnections)
        {
            return AdmissionDecision.Admit;
        }
        // An idle or dribbling client first: it has had the longest to send its head and has not.
        // Then one whose answer is already out: closing it early costs the client nothing it asked for.
        if (oldestReadingHead is { } idle)
        {
            return AdmissionDecision.Evict(idle);
        }
        return oldestLingering is { } done ? AdmissionDecision.Evict(done) : AdmissionDecision.Refuse;
    }
}

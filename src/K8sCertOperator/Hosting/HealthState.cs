namespace K8sCertOperator.Hosting;

/// <summary>What /readyz reports: caches synced, and whether this replica leads or stands by.</summary>
public sealed class HealthState
{
    private volatile bool _synced;
    private volatile bool _leader;

    public bool InformersSynced => _synced;

    public bool IsLeader => _leader;

    public void MarkSynced() => _synced = true;

    public void SetLeader(bool leader) => _leader = leader;

    /// <summary>A standby replica is ready too: it serves HTTP-01 answers from its own cache.</summary>
    public bool IsReady => _synced;

    public string Describe() =>
        $"informers={(_synced ? "synced" : "syncing")} role={(_leader ? "leader" : "standby")}";
}

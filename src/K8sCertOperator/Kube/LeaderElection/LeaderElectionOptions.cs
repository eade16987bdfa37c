namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>Leader election settings (client-go defaults: 15 s lease, 10 s renew deadline, 2 s retry). Immutable.</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>On by default; with it off every replica acts as leader (single-replica or local runs).</summary>
    public bool Enabled { get; init; } = true;

    public string LeaseName { get; init; } = "k8s-cert-operator-leader";

    /// <summary>Namespace holding the Lease, normally the operator's own namespace.</summary>
    public string LeaseNamespace { get; init; } = "default";

    /// <summary>Unique per replica; defaults to the host (pod) name plus a random suffix.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}_{Guid.NewGuid():N}"[..Math.Min(Environment.MachineName.Length + 9, 63)];

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);
}

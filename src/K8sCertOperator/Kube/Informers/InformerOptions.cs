namespace K8sCertOperator.Kube.Informers;

/// <summary>Settings for one informer. Immutable.</summary>
public sealed record InformerOptions
{
    /// <summary>Namespace to watch; null watches all namespaces (or a cluster-scoped type).</summary>
    public string? Namespace { get; init; }

    /// <summary>Server-side label selector, e.g. to watch only Secrets the operator manages.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Server-side watch timeout; the informer reconnects after it.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Backoff between failed list/watch attempts.</summary>
    public ExponentialBackoff Backoff { get; init; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), JitterFraction: 0.5);
}

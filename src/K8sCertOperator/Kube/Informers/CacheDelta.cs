namespace K8sCertOperator.Kube.Informers;

/// <summary>One change applied to the cache; <see cref="Old"/> is set for updates and deletes.</summary>
public sealed record CacheDelta<T>(CacheDeltaType Type, T Object, T? Old)
    where T : class;

namespace K8sCertOperator.Kube.Informers;

/// <summary>What happened to a cached object.</summary>
public enum CacheDeltaType
{
    Added,
    Updated,
    Deleted,
}

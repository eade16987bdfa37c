namespace K8sCertOperator.Kube.Client;

/// <summary>The API-server failures callers branch on; everything else is <see cref="Other"/>.</summary>
public enum KubeApiErrorKind
{
    Other,
    NotFound,
    Conflict,
    AlreadyExists,
    Gone,
}

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// The <c>type</c> of one watch event. Ours rather than KubernetesClient's enum: the AOT build of that
/// library has no watch support, and the operator reads watch streams itself (<see cref="WatchStream"/>).
/// </summary>
public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}

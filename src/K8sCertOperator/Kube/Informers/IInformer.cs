using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Informers;

/// <summary>Read side of an informer: cache lookups, indexes, change notifications and sync state.</summary>
public interface IInformer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Raised for an object seen for the first time.</summary>
    event Action<T>? OnAdd;

    /// <summary>Raised with (old, new) when a cached object changes.</summary>
    event Action<T, T>? OnUpdate;

    /// <summary>Raised with the last known state of an object that was deleted (or vanished during a relist).</summary>
    event Action<T>? OnDelete;

    /// <summary>True once the first list has been loaded into the cache.</summary>
    bool HasSynced { get; }

    /// <summary>resourceVersion of the newest event or list seen; a watch resumes from here.</summary>
    string? LastResourceVersion { get; }

    Task WaitForSyncAsync(CancellationToken cancellationToken);

    /// <summary>Adds a named index (call before <c>RunAsync</c> or at any time; existing items are indexed).</summary>
    void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc);

    T? Get(ObjectKey key);

    IReadOnlyList<T> List();

    IReadOnlyList<T> ByIndex(string indexName, string value);
}

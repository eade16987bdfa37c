using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>An informer whose cache the test fills and whose events the test raises.</summary>
internal sealed class StubInformer<T> : IInformer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Dictionary<ObjectKey, T> _items = [];

    public event Action<T>? OnAdd;

    public event Action<T, T>? OnUpdate;

    public event Action<T>? OnDelete;

    public bool HasSynced => true;

    public string? LastResourceVersion => null;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc)
    {
    }

    public T? Get(ObjectKey key) => _items.GetValueOrDefault(key);

    public IReadOnlyList<T> List() => [.. _items.Values];

    public IReadOnlyList<T> ByIndex(string indexName, string value) => [];

    public void Add(T item)
    {
        _items[ObjectKey.From(item)] = item;
        OnAdd?.Invoke(item);
    }

    public void Update(T item)
    {
        var old = _items[ObjectKey.From(item)];
        _items[ObjectKey.From(item)] = item;
        OnUpdate?.Invoke(old, item);
    }

    public void Delete(T item)
    {
        _items.Remove(ObjectKey.From(item));
        OnDelete?.Invoke(item);
    }
}

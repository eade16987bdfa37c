using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Tests.Controllers.Challenges;

/// <summary>An in-memory Challenge cache whose events the test raises by hand.</summary>
internal sealed class ListInformer : IInformer<Challenge>
{
    private readonly Dictionary<ObjectKey, Challenge> _items = [];

    public event Action<Challenge>? OnAdd;

    public event Action<Challenge, Challenge>? OnUpdate;

    public event Action<Challenge>? OnDelete;

    public bool HasSynced => true;

    public string? LastResourceVersion => null;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void AddIndex(string name, Func<Challenge, IEnumerable<string>> indexFunc) => throw new NotSupportedException();

    public Challenge? Get(ObjectKey key) => _items.GetValueOrDefault(key);

    public IReadOnlyList<Challenge> List() => [.. _items.Values];

    public IReadOnlyList<Challenge> ByIndex(string indexName, string value) => throw new NotSupportedException();

    public void Add(Challenge challenge)
    {
        _items[ObjectKey.From(challenge)] = challenge;
        OnAdd?.Invoke(challenge);
    }

    public void Update(Challenge challenge)
    {
        var key = ObjectKey.From(challenge);
        var old = _items[key];
        _items[key] = challenge;
        OnUpdate?.Invoke(old, challenge);
    }

    public void Delete(Challenge challenge)
    {
        _items.Remove(ObjectKey.From(challenge));
        OnDelete?.Invoke(challenge);
    }
}

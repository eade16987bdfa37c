using System.Collections.Concurrent;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>How many resource requests the stand-in served, per verb and path, for load and fault assertions.</summary>
public sealed class RequestCounters
{
    private readonly ConcurrentDictionary<(string Verb, string Path), long> _counts = new();
    private readonly ConcurrentDictionary<(string Verb, string Resource), long> _byResource = new();
    private readonly ConcurrentQueue<ApiRequest> _recent = new();

    /// <summary>All requests so far.</summary>
    public long Total => _counts.Values.Sum();

    /// <summary>Requests with this verb, optionally only those whose path contains <paramref name="pathContains"/>.</summary>
    public long Count(string verb, string? pathContains = null) =>
        _counts.Where(p => p.Key.Verb == verb && (pathContains is null || p.Key.Path.Contains(pathContains, StringComparison.Ordinal)))
            .Sum(p => p.Value);

    /// <summary>Requests matching a predicate among the most recent 10,000.</summary>
    public long Count(Func<ApiRequest, bool> predicate) => _recent.Count(predicate);

    /// <summary>A copy of all counters keyed by verb and path.</summary>
    public IReadOnlyDictionary<(string Verb, string Path), long> Snapshot() => new Dictionary<(string, string), long>(_counts);

    /// <summary>A copy of all counters keyed by verb and resource (<c>plural</c> or <c>plural/subresource</c>).</summary>
    public IReadOnlyDictionary<(string Verb, string Resource), long> SnapshotByResource() => new Dictionary<(string, string), long>(_byResource);

    /// <summary>Sets every counter back to zero.</summary>
    public void Reset()
    {
        _counts.Clear();
        _byResource.Clear();
        _recent.Clear();
    }

    internal void Record(ApiRequest request)
    {
        _counts.AddOrUpdate((request.Verb, request.Path), 1, (_, n) => n + 1);
        var resource = request.Subresource is null ? request.Plural : $"{request.Plural}/{request.Subresource}";
        _byResource.AddOrUpdate((request.Verb, resource), 1, (_, n) => n + 1);
        _recent.Enqueue(request);
        while (_recent.Count > 10_000 && _recent.TryDequeue(out _))
        {
        }
    }
}

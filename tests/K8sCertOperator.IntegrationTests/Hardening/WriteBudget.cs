using K8sCertOperator.IntegrationTests.StandIn;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>Counts the stand-in's write requests per object over a quiet period, to catch hot loops.</summary>
internal static class WriteBudget
{
    private static readonly HashSet<string> WriteVerbs = ["create", "update", "patch", "delete"];

    /// <summary>Resets the counters, waits <paramref name="window"/>, and returns the writes whose object name starts with each prefix.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> MeasureAsync(StandInApiServer server, IReadOnlyCollection<string> objectNames, TimeSpan window, CancellationToken ct)
    {
        server.Requests.Reset();
        await Task.Delay(window, ct);
        return objectNames.ToDictionary(n => n, n => server.Requests.Count(r =>
            WriteVerbs.Contains(r.Verb) && r.Name is { } name && (name == n || name.StartsWith(n + ".", StringComparison.Ordinal))));
    }
}

using System.Globalization;

namespace K8sCertOperator.Bench;

/// <summary>
/// Kubernetes API requests per certificate, counted by the stand-in between two snapshots, by verb and resource.
/// Watches are left out (one long request each); the benchmark's own polls are in the list/get lines, so read the
/// writes (create, update, patch, delete) as the operator's.
/// </summary>
public static class ApiRequestReport
{
    private static readonly string[] Writes = ["create", "update", "patch", "delete", "deletecollection"];

    /// <summary>Requests per (verb, resource) in <paramref name="after"/> minus <paramref name="before"/>.</summary>
    public static Dictionary<(string Verb, string Resource), long> Delta(
        IReadOnlyDictionary<(string Verb, string Resource), long> before, IReadOnlyDictionary<(string Verb, string Resource), long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.Select(a => (a.Key, Value: a.Value - before.GetValueOrDefault(a.Key)))
            .Where(d => d.Value > 0 && d.Key.Verb != "watch")
            .ToDictionary(d => d.Key, d => d.Value);
    }

    /// <summary>The report lines: writes per certificate by verb and resource, then reads.</summary>
    public static IEnumerable<string> Lines(Dictionary<(string Verb, string Resource), long> delta, int certificates)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var per = (double)Math.Max(1, certificates);
        var writes = delta.Where(d => Writes.Contains(d.Key.Verb)).OrderByDescending(d => d.Value).ToList();
        var reads = delta.Where(d => !Writes.Contains(d.Key.Verb)).OrderByDescending(d => d.Value).ToList();
        yield return string.Create(CultureInfo.InvariantCulture,
            $"API writes           {writes.Sum(d => d.Value) / per:F2} per certificate (stand-in counters)");
        foreach (var line in Format(writes, per))
        {
            yield return line;
        }
        yield return string.Create(CultureInfo.InvariantCulture,
            $"API reads            {reads.Sum(d => d.Value) / per:F2} per certificate (the benchmark's own polls included)");
        foreach (var line in Format(reads, per))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> Format(List<KeyValuePair<(string Verb, string Resource), long>> rows, double per) =>
        rows.Chunk(4).Select(chunk => "  " + string.Join("  ", chunk.Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"{d.Key.Verb} {d.Key.Resource} {d.Value / per:F2}"))));
}

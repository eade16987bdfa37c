using System.Globalization;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.Bench;

/// <summary>
/// ACME requests per certificate from the operator's own <c>k8scert_acme_client_request_count</c> (two scrapes of
/// its /metrics, subtracted), by action, with the non-2xx responses. Counted by the client, so every retry and
/// nonce fetch is in, and nothing else that talks to Pebble is.
/// </summary>
/// <remarks>The counter resets if the operator restarts between the scrapes; the benchmarks never restart it.</remarks>
public static class AcmeRequestReport
{
    public const string Metric = "k8scert_acme_client_request_count";

    // The order the actions happen in for one certificate; anything else follows, alphabetically.
    private static readonly string[] Flow =
        ["directory", "new-nonce", "new-account", "account", "new-order", "get-order", "get-authz", "challenge", "finalize", "certificate", "renewal-info"];

    /// <summary>Requests per (action, status) in <paramref name="after"/> minus <paramref name="before"/>.</summary>
    public static Dictionary<(string Action, string Status), double> Delta(IReadOnlyList<PrometheusSample>? before, IReadOnlyList<PrometheusSample> after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var delta = Sum(after);
        if (before is not null)
        {
            foreach (var (key, value) in Sum(before))
            {
                delta[key] = delta.GetValueOrDefault(key) - value;
            }
        }
        return delta.Where(d => d.Value > 0).ToDictionary(d => d.Key, d => d.Value);
    }

    /// <summary>The report lines: total and per action per certificate, then the non-2xx responses.</summary>
    public static IEnumerable<string> Lines(Dictionary<(string Action, string Status), double> delta, int certificates)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var per = Math.Max(1, certificates);
        var total = delta.Values.Sum();
        if (total == 0)
        {
            yield return $"ACME requests        none counted: the operator's /metrics had no {Metric} series";
            yield break;
        }
        yield return string.Create(CultureInfo.InvariantCulture,
            $"ACME requests        {total:F0} = {total / per:F2} per certificate ({Metric} from the operator's /metrics; every retry counted)");
        var byAction = delta.GroupBy(d => d.Key.Action).ToDictionary(g => g.Key, g => g.Sum(d => d.Value));
        var ordered = byAction.Keys.OrderBy(a => Array.IndexOf(Flow, a) is var i and >= 0 ? i : Flow.Length).ThenBy(a => a, StringComparer.Ordinal);
        yield return "  per certificate:   " + string.Join("  ", ordered.Select(a =>
            string.Create(CultureInfo.InvariantCulture, $"{a} {byAction[a] / per:F2}")));
        var failed = delta.Where(d => !d.Key.Status.StartsWith('2')).OrderByDescending(d => d.Value).ToList();
        yield return failed.Count == 0
            ? "  non-2xx:           none"
            : string.Create(CultureInfo.InvariantCulture,
                $"  non-2xx:           {failed.Sum(d => d.Value):F0} ({string.Join(", ", failed.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key.Action} {d.Key.Status}: {d.Value:F0}")))})");
    }

    private static Dictionary<(string Action, string Status), double> Sum(IReadOnlyList<PrometheusSample> samples) =>
        samples.Where(s => s.Name == Metric)
            .GroupBy(s => (s.Labels.GetValueOrDefault("action") ?? "?", s.Labels.GetValueOrDefault("status") ?? "?"))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
}

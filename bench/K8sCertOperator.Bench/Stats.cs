using System.Globalization;

namespace K8sCertOperator.Bench;

/// <summary>Percentiles over a set of durations (nearest-rank).</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Row(string name, IReadOnlyList<double> seconds, double wall) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} n={seconds.Count,3}  p50={Percentile(seconds, 50) * 1000,8:F0} ms  p95={Percentile(seconds, 95) * 1000,8:F0} ms  {seconds.Count / wall,7:F2} certs/s");
}

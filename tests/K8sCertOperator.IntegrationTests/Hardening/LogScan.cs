using System.Text.RegularExpressions;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>Finds key material in log text: PEM private keys, long base64 runs (DER keys), and given secret strings.</summary>
internal static partial class LogScan
{
    /// <summary>Base64 runs longer than this are suspicious: a P-256 PKCS#8 key is ~185 base64 characters, RSA far more.</summary>
    public const int MaxBase64Run = 200;

    public static IReadOnlyList<string> Problems(IEnumerable<string> entries, IReadOnlyCollection<string> secrets)
    {
        var problems = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.Contains("-----BEGIN", StringComparison.Ordinal) && entry.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                problems.Add("PEM private key in: " + Excerpt(entry));
            }

            foreach (Match run in Base64Run().Matches(entry))
            {
                problems.Add($"{run.Length}-character base64 run in: " + Excerpt(entry));
            }

            foreach (var secret in secrets.Where(s => s.Length >= 8 && entry.Contains(s, StringComparison.Ordinal)))
            {
                problems.Add($"secret {secret[..4]}... in: " + Excerpt(entry));
            }
        }

        return problems;
    }

    private static string Excerpt(string entry) => entry.Length <= 300 ? entry : entry[..300] + "...";

    // Standard and URL-safe alphabets; 201+ characters without a break.
    [GeneratedRegex("[A-Za-z0-9+/_-]{201,}={0,2}")]
    private static partial Regex Base64Run();
}

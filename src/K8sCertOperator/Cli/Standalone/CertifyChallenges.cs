using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>The values of certify's --challenge.</summary>
public static class CertifyChallenges
{
    public static readonly IReadOnlyList<string> Supported =
        [AcmeChallenge.Http01, AcmeChallenge.Dns01, AcmeChallenge.DnsPersist01, AcmeChallenge.DnsAccount01];

    /// <summary>The challenge type, or null and a usage error.</summary>
    public static (string? Type, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim().ToLowerInvariant();
        return Supported.Contains(name)
            ? (name, null)
            : (null, $"unknown --challenge '{text}' (one of {string.Join(", ", Supported)})");
    }
}

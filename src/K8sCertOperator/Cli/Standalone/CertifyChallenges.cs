using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// The values of certify's --challenge. dns-persist-01 and dns-account-01 are reserved: their names are
/// accepted by the parser so the error can say plainly that certify does not solve them yet.
/// </summary>
public static class CertifyChallenges
{
    public const string DnsPersist01 = "dns-persist-01";
    public const string DnsAccount01 = "dns-account-01";

    public static readonly IReadOnlyList<string> Supported = [AcmeChallenge.Http01, AcmeChallenge.Dns01];

    public static readonly IReadOnlyList<string> Reserved = [DnsPersist01, DnsAccount01];

    /// <summary>The challenge type, or null and a usage error.</summary>
    public static (string? Type, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim().ToLowerInvariant();
        if (Supported.Contains(name))
        {
            return (name, null);
        }
        return Reserved.Contains(name)
            ? (null, $"--challenge {name} is not supported by certify yet; use {string.Join(" or ", Supported)}")
            : (null, $"unknown --challenge '{text}' (one of {string.Join(", ", Supported)})");
    }
}

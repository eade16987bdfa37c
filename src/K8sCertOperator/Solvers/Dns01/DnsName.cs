namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Pure helpers for absolute DNS names as used by the DNS-01 solvers (<c>_acme-challenge.example.com.</c>).</summary>
public static class DnsName
{
    /// <summary>Prefix of the DNS-01 record name (RFC 8555 section 8.4).</summary>
    public const string ChallengeLabel = "_acme-challenge";

    /// <summary>Lower-cased, trimmed, absolute (trailing dot) form; rejects empty names and empty labels.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim().ToLowerInvariant();
        if (trimmed == ".")
        {
            return ".";
        }
        var withoutDot = trimmed.TrimEnd('.');
        if (withoutDot.Length == 0 || withoutDot.Split('.').Any(label => label.Length == 0))
        {
            throw new ArgumentException($"'{name}' is not a valid DNS name", nameof(name));
        }
        return withoutDot + ".";
    }

    /// <summary>The normalised name without its trailing dot (the form most REST APIs use).</summary>
    public static string WithoutTrailingDot(string name) => Normalize(name).TrimEnd('.');

    /// <summary><c>_acme-challenge.</c> + the domain, with any wildcard label removed (RFC 8555 section 8.4).</summary>
    public static string ChallengeFqdn(string domain)
    {
        var normal = Normalize(domain);
        if (normal.StartsWith("*.", StringComparison.Ordinal))
        {
            normal = normal[2..];
        }
        return $"{ChallengeLabel}.{normal}";
    }

    /// <summary>
    /// The name itself and each parent, longest first, excluding the root:
    /// <c>a.b.example.com.</c> gives <c>a.b.example.com.</c>, <c>b.example.com.</c>, <c>example.com.</c>, <c>com.</c>.
    /// These are the names an SOA walk queries to find the zone apex.
    /// </summary>
    public static IReadOnlyList<string> ZoneCandidates(string fqdn)
    {
        var normal = Normalize(fqdn);
        if (normal == ".")
        {
            return [];
        }
        var labels = normal.TrimEnd('.').Split('.');
        var result = new List<string>(labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            result.Add(string.Join('.', labels[i..]) + ".");
        }
        return result;
    }

    /// <summary>True when <paramref name="name"/> equals <paramref name="zone"/> or lies below it.</summary>
    public static bool IsInZone(string name, string zone)
    {
        var n = Normalize(name);
        var z = Normalize(zone);
        return z == "." || n == z || n.EndsWith("." + z, StringComparison.Ordinal);
    }

    /// <summary>The part of <paramref name="name"/> left of <paramref name="zone"/> (<c>_acme-challenge</c>), or <c>@</c> at the apex.</summary>
    public static string RelativeTo(string name, string zone)
    {
        var n = Normalize(name);
        var z = Normalize(zone);
        if (!IsInZone(n, z))
        {
            throw new ArgumentException($"'{n}' is not in zone '{z}'", nameof(name));
        }
        return n == z ? "@" : n[..^(z.Length + 1)];
    }
}

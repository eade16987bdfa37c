using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Pure choice of the issuer domain name a dns-persist-01 record names, among those the CA offers.</summary>
public static class DnsPersistIssuerChoice
{
    /// <summary>
    /// <paramref name="configured"/> when the CA offers it (case and a trailing dot ignored), else the CA's first name when
    /// nothing is configured; throws <see cref="Dns01ConfigException"/> naming the offered names otherwise.
    /// </summary>
    public static string Choose(string? configured, IReadOnlyList<string> offered)
    {
        ArgumentNullException.ThrowIfNull(offered);
        if (offered.Count == 0)
        {
            throw new Dns01ConfigException("the CA's dns-persist-01 challenge offers no issuer-domain-names");
        }
        if (string.IsNullOrWhiteSpace(configured))
        {
            return offered[0];
        }
        var wanted = Normalize(configured);
        return offered.FirstOrDefault(o => Normalize(o) == wanted)
            ?? throw new Dns01ConfigException(
                $"dnsPersist01.issuerDomainName '{configured}' is not one the CA accepts; it offers: {string.Join(", ", offered)}");
    }

    private static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}

namespace K8sCertOperator.Policies;

/// <summary>
/// What namespaced Issuers may use on a multi-tenant cluster (--restrict-namespaced-issuers,
/// --namespaced-issuer-acme-servers). Off by default: private in-cluster CAs are a normal use. ClusterIssuers,
/// made by cluster admins, are never restricted.
/// </summary>
public sealed record NamespacedIssuerRestrictions
{
    public static NamespacedIssuerRestrictions Off { get; } = new();

    /// <summary>Refuse skipTLSVerify, and ACME servers on loopback, link-local, private or reserved addresses.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// When not empty, the only ACME server host names namespaced Issuers may use (implies <see cref="Enabled"/>).
    /// Listed hosts are trusted by the admin who listed them and are exempt from the address check, which is how a
    /// private in-cluster CA is offered to tenants.
    /// </summary>
    public IReadOnlyList<string> AllowedAcmeHosts { get; init; } = [];

    public bool IsActive => Enabled || AllowedAcmeHosts.Count > 0;

    public bool IsListed(string host) =>
        AllowedAcmeHosts.Any(h => string.Equals(h.Trim().TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
}

using System.Net;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Works out the name the TXT record must be written at, following CNAMEs when asked to.</summary>
/// <remarks>
/// Delegating <c>_acme-challenge.example.com</c> by CNAME to a zone the operator may update is the
/// usual way to solve DNS-01 for zones it must not touch.
/// </remarks>
public static class ChallengeFqdnResolver
{
    /// <summary>Looks up the CNAME target of a name (null when none).</summary>
    public delegate Task<string?> CnameLookup(string name, CancellationToken ct);

    /// <summary>The effective fqdn for <paramref name="domain"/>'s challenge under <paramref name="strategy"/>.</summary>
    public static Task<string> ResolveAsync(
        string domain, CnameStrategy strategy, DnsLookup lookup, IReadOnlyList<IPEndPoint> servers, CancellationToken ct) =>
        ResolveRecordAsync(DnsName.ChallengeFqdn(domain), strategy, lookup, servers, ct);

    /// <summary>The effective fqdn for a record the challenge type names (<c>_validation-persist.NAME.</c>, ...) under <paramref name="strategy"/>.</summary>
    public static Task<string> ResolveRecordAsync(
        string recordFqdn, CnameStrategy strategy, DnsLookup lookup, IReadOnlyList<IPEndPoint> servers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var fqdn = DnsName.Normalize(recordFqdn);
        return strategy == CnameStrategy.Follow
            ? lookup.FollowCnamesAsync(servers, fqdn, ct)
            : Task.FromResult(fqdn);
    }

    /// <summary>Follows the chain from <paramref name="fqdn"/>; a loop or a chain longer than <paramref name="maxHops"/> is an error.</summary>
    public static async Task<string> FollowAsync(string fqdn, CnameLookup lookup, int maxHops, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var current = DnsName.Normalize(fqdn);
        var seen = new HashSet<string>(StringComparer.Ordinal) { current };
        for (var hop = 0; hop < maxHops; hop++)
        {
            var target = await lookup(current, ct).ConfigureAwait(false);
            if (target is null)
            {
                return current;
            }
            target = DnsName.Normalize(target);
            if (!seen.Add(target))
            {
                throw new DnsProviderException($"CNAME loop at {target} while following {DnsName.Normalize(fqdn)}");
            }
            current = target;
        }
        throw new DnsProviderException($"CNAME chain from {DnsName.Normalize(fqdn)} is longer than {maxHops} hops");
    }
}

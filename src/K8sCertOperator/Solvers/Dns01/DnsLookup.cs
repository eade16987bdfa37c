using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>
/// The few DNS queries the DNS-01 code needs (SOA walk, NS, addresses, TXT, CNAME), always sent to
/// explicitly chosen servers and never cached, so propagation checks see what each server answers now.
/// </summary>
public sealed class DnsLookup
{
    private const int MaxCnameHops = 10;

    private readonly LookupClient _client;
    private readonly DnsQueryOptions _options;

    public DnsLookup(TimeSpan? queryTimeout = null)
    {
        // The configured server is a placeholder: every query names its servers explicitly.
        _client = new LookupClient(new LookupClientOptions(new NameServer(IPAddress.Loopback))
        {
            AutoResolveNameServers = false,
            UseCache = false,
        });
        _options = new DnsQueryOptions
        {
            UseCache = false,
            Recursion = true,
            Retries = 1,
            Timeout = queryTimeout ?? TimeSpan.FromSeconds(3),
            ThrowDnsErrors = false,
            ContinueOnDnsError = true,
            UseTcpFallback = true,
        };
    }

    /// <summary>The resolvers from the host configuration (/etc/resolv.conf), used when none are configured.</summary>
    public static IReadOnlyList<IPEndPoint> SystemResolvers() =>
        [.. NameServer.ResolveNameServers(skipIPv6SiteLocal: true, fallbackToGooglePublicDns: false)
            .Select(ns => new IPEndPoint(IPAddress.Parse(ns.Address), ns.Port))];

    /// <summary>Sends one query; transport failures become <see cref="DnsProviderException"/>.</summary>
    public async Task<IDnsQueryResponse> QueryAsync(
        IReadOnlyList<IPEndPoint> servers, string name, QueryType type, CancellationToken ct)
    {
        if (servers.Count == 0)
        {
            throw new DnsProviderException("no nameservers to query");
        }
        try
        {
            return await _client.QueryServerAsync(
                [.. servers.Select(s => new NameServer(s))],
                new DnsQuestion(name, type, QueryClass.IN),
                _options,
                ct).ConfigureAwait(false);
        }
        catch (DnsResponseException ex)
        {
            throw new DnsProviderException(
                $"{type} query for {name} to {string.Join(", ", servers)} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Finds the apex of the zone containing <paramref name="fqdn"/> by asking for SOA at each candidate name.</summary>
    public async Task<string> FindZoneAsync(IReadOnlyList<IPEndPoint> servers, string fqdn, CancellationToken ct)
    {
        var normal = DnsName.Normalize(fqdn);
        foreach (var candidate in DnsName.ZoneCandidates(normal))
        {
            var response = await QueryAsync(servers, candidate, QueryType.SOA, ct).ConfigureAwait(false);
            var code = response.Header.ResponseCode;
            if (code is not (DnsHeaderResponseCode.NoError or DnsHeaderResponseCode.NotExistentDomain))
            {
                continue;
            }
            if (response.Answers.SoaRecords().Any(soa => Same(soa.DomainName.Value, candidate)))
            {
                return candidate;
            }
            // Below the apex an authoritative server answers with the zone's SOA in the authority
            // section, which names the zone without walking further (skipped for aliases, whose
            // authority section describes the target's zone).
            if (!response.Answers.CnameRecords().Any())
            {
                var authority = response.Authorities.SoaRecords()
                    .Select(soa => DnsName.Normalize(soa.DomainName.Value))
                    .FirstOrDefault(zone => DnsName.IsInZone(normal, zone) && zone != ".");
                if (authority is not null)
                {
                    return authority;
                }
            }
        }
        throw new DnsProviderException($"could not find the zone of {normal} (no SOA answered by {string.Join(", ", servers)})");
    }

    /// <summary>Host names of the zone's NS records.</summary>
    public async Task<IReadOnlyList<string>> FindNameserverHostsAsync(
        IReadOnlyList<IPEndPoint> servers, string zone, CancellationToken ct)
    {
        var response = await QueryAsync(servers, DnsName.Normalize(zone), QueryType.NS, ct).ConfigureAwait(false);
        var hosts = response.Answers.NsRecords().Select(ns => DnsName.Normalize(ns.NSDName.Value)).Distinct().ToList();
        return hosts.Count > 0
            ? hosts
            : throw new DnsProviderException($"zone {zone} has no NS records ({response.Header.ResponseCode})");
    }

    /// <summary>A and AAAA addresses of <paramref name="host"/>.</summary>
    public async Task<IReadOnlyList<IPAddress>> ResolveAddressesAsync(
        IReadOnlyList<IPEndPoint> servers, string host, CancellationToken ct)
    {
        var v4 = await QueryAsync(servers, host, QueryType.A, ct).ConfigureAwait(false);
        var v6 = await QueryAsync(servers, host, QueryType.AAAA, ct).ConfigureAwait(false);
        return [.. v4.Answers.ARecords().Select(a => a.Address), .. v6.Answers.AaaaRecords().Select(a => a.Address)];
    }

    /// <summary>All TXT strings at <paramref name="fqdn"/> (each record's character-strings joined, as ACME validators do).</summary>
    public async Task<IReadOnlyList<string>> QueryTxtAsync(
        IReadOnlyList<IPEndPoint> servers, string fqdn, CancellationToken ct)
    {
        var name = DnsName.Normalize(fqdn);
        var response = await QueryAsync(servers, name, QueryType.TXT, ct).ConfigureAwait(false);
        return [.. response.Answers.TxtRecords()
            .Where(txt => Same(txt.DomainName.Value, name))
            .Select(txt => string.Concat(txt.Text))];
    }

    /// <summary>The CNAME target of <paramref name="name"/>, or null when it is not an alias.</summary>
    public async Task<string?> QueryCnameAsync(IReadOnlyList<IPEndPoint> servers, string name, CancellationToken ct)
    {
        var normal = DnsName.Normalize(name);
        var response = await QueryAsync(servers, normal, QueryType.CNAME, ct).ConfigureAwait(false);
        var cname = response.Answers.CnameRecords().FirstOrDefault(c => Same(c.DomainName.Value, normal));
        return cname is null ? null : DnsName.Normalize(cname.CanonicalName.Value);
    }

    /// <summary>Follows the CNAME chain from <paramref name="fqdn"/> and returns the final name.</summary>
    public Task<string> FollowCnamesAsync(IReadOnlyList<IPEndPoint> servers, string fqdn, CancellationToken ct) =>
        ChallengeFqdnResolver.FollowAsync(fqdn, (name, token) => QueryCnameAsync(servers, name, token), MaxCnameHops, ct);

    private static bool Same(string a, string b) =>
        string.Equals(DnsName.Normalize(a), DnsName.Normalize(b), StringComparison.Ordinal);
}

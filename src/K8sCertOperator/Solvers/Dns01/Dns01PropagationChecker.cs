using System.Globalization;
using System.Net;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>
/// Waits until a DNS-01 TXT value is served by every authoritative nameserver of its zone (or by every
/// configured recursive nameserver), so the ACME server is only asked to validate once it can succeed.
/// </summary>
public sealed class Dns01PropagationChecker
{
    private readonly Dns01PropagationOptions _options;
    private readonly DnsLookup _lookup;
    private readonly TimeProvider _time;

    public Dns01PropagationChecker(Dns01PropagationOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _lookup = new DnsLookup(options.QueryTimeout);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Polls until <paramref name="value"/> is visible at <paramref name="fqdn"/> everywhere, or the timeout passes.</summary>
    public Task<Dns01PropagationResult> CheckAsync(string fqdn, string value, CancellationToken ct) =>
        CheckAsync(fqdn, values => values.Contains(value, StringComparer.Ordinal), ct);

    /// <summary>
    /// Polls until every nameserver serves TXT values at <paramref name="fqdn"/> that <paramref name="accept"/> takes
    /// (e.g. any well-formed record naming our account), or the timeout passes.
    /// </summary>
    public async Task<Dns01PropagationResult> CheckAsync(string fqdn, Func<IReadOnlyList<string>, bool> accept, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var name = DnsName.Normalize(fqdn);
        var started = _time.GetTimestamp();
        IReadOnlyList<Target> targets;
        try
        {
            targets = await FindTargetsAsync(name, ct).ConfigureAwait(false);
        }
        catch (DnsProviderException ex)
        {
            return new Dns01PropagationResult(false, ex.Message, [], []);
        }

        var labels = targets.Select(t => t.Label).ToList();
        var pending = targets.ToList();
        var interval = _options.FirstPollInterval;
        var lastError = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var target in pending.ToList())
            {
                try
                {
                    var values = await _lookup.QueryTxtAsync([target.Endpoint], name, ct).ConfigureAwait(false);
                    if (accept(values))
                    {
                        pending.Remove(target);
                    }
                }
                catch (DnsProviderException ex)
                {
                    lastError[target.Label] = ex.Message;
                }
            }
            if (pending.Count == 0)
            {
                return new Dns01PropagationResult(
                    true, $"TXT value visible at {name} on {string.Join(", ", labels)}", labels, []);
            }
            var remaining = _options.Timeout - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                var pendingLabels = pending.Select(t => t.Label).ToList();
                var errors = pendingLabels.Where(lastError.ContainsKey).Select(l => $" ({lastError[l]})");
                return new Dns01PropagationResult(
                    false,
                    $"TXT value not visible at {name} on {string.Join(", ", pendingLabels)} after {Format(_options.Timeout)}{string.Concat(errors)}",
                    labels,
                    pendingLabels);
            }
            await Task.Delay(interval < remaining ? interval : remaining, _time, ct).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
        }
    }

    private async Task<IReadOnlyList<Target>> FindTargetsAsync(string fqdn, CancellationToken ct)
    {
        var resolvers = await ResolversAsync(ct).ConfigureAwait(false);
        if (_options.RecursiveNameserversOnly)
        {
            return [.. resolvers.Select(r => new Target(r.Label, r.Endpoint))];
        }
        var discovery = resolvers.Select(r => r.Endpoint).ToList();
        var zone = await _lookup.FindZoneAsync(discovery, fqdn, ct).ConfigureAwait(false);
        var hosts = await _lookup.FindNameserverHostsAsync(discovery, zone, ct).ConfigureAwait(false);
        var targets = new List<Target>();
        foreach (var host in hosts)
        {
            if (TryOverride(host, out var overridden))
            {
                targets.Add(new Target($"{host.TrimEnd('.')}:{overridden.Port}",
                    await overridden.ResolveAsync(ct).ConfigureAwait(false)));
                continue;
            }
            var addresses = await _lookup.ResolveAddressesAsync(discovery, host, ct).ConfigureAwait(false);
            if (addresses.Count == 0)
            {
                throw new DnsProviderException($"nameserver {host} of zone {zone} has no address");
            }
            // One address per NS host is enough: anycast/multi-homed addresses serve the same data.
            targets.Add(new Target($"{host.TrimEnd('.')}:{NameserverAddress.DefaultPort}",
                new IPEndPoint(addresses[0], NameserverAddress.DefaultPort)));
        }
        return targets;
    }

    private bool TryOverride(string host, out NameserverAddress address)
    {
        foreach (var (key, value) in _options.AuthoritativeNameserverOverrides)
        {
            if (string.Equals(DnsName.Normalize(key), host, StringComparison.Ordinal))
            {
                address = NameserverAddress.Parse(value);
                return true;
            }
        }
        address = null!;
        return false;
    }

    private async Task<IReadOnlyList<Target>> ResolversAsync(CancellationToken ct)
    {
        if (_options.RecursiveNameservers.Count == 0)
        {
            var system = DnsLookup.SystemResolvers();
            return system.Count > 0
                ? [.. system.Select(e => new Target(e.ToString(), e))]
                : throw new DnsProviderException("no recursive nameservers configured and none found in the system configuration");
        }
        var result = new List<Target>();
        foreach (var text in _options.RecursiveNameservers)
        {
            var address = NameserverAddress.Parse(text);
            result.Add(new Target(address.ToString(), await address.ResolveAsync(ct).ConfigureAwait(false)));
        }
        return result;
    }

    internal static string Format(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalSeconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMilliseconds}ms");

    private sealed record Target(string Label, IPEndPoint Endpoint);
}

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>How the DNS-01 propagation check finds and polls nameservers (cert-manager's <c>--dns01-recursive-nameservers*</c>).</summary>
public sealed record Dns01PropagationOptions
{
    /// <summary>Resolvers as <c>host:port</c>; used for zone/NS discovery, and as the only targets when <see cref="RecursiveNameserversOnly"/>. Empty = /etc/resolv.conf.</summary>
    public IReadOnlyList<string> RecursiveNameservers { get; init; } = [];

    /// <summary>Poll only the recursive nameservers instead of the zone's authoritative ones.</summary>
    public bool RecursiveNameserversOnly { get; init; }

    /// <summary>Give up after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where to reach an authoritative NS host (<c>ns1.example.com.</c> -> <c>127.0.0.1:5353</c>) instead of its A/AAAA on port 53.</summary>
    public IReadOnlyDictionary<string, string> AuthoritativeNameserverOverrides { get; init; } =
        new Dictionary<string, string>();

    /// <summary>Wait before the second poll; later waits double up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan FirstPollInterval { get; init; } = TimeSpan.FromMilliseconds(150);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-query timeout.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(3);
}

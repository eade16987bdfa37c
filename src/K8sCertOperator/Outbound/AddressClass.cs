namespace K8sCertOperator.Outbound;

/// <summary>What kind of network an IP address belongs to, for outbound policy.</summary>
public enum AddressClass
{
    /// <summary>Routable on the internet.</summary>
    Public,

    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,

    /// <summary>169.254.0.0/16 (cloud metadata lives here), fe80::/10.</summary>
    LinkLocal,

    /// <summary>RFC 1918, 100.64.0.0/10 (shared/CGNAT, often pod or node networks), fc00::/7, fec0::/10.</summary>
    Private,

    /// <summary>0.0.0.0/8, ::, multicast, broadcast and reserved ranges: never a server.</summary>
    Unusable,
}

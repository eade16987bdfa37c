namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>Which DNS server Pebble resolves names through in an <see cref="OperatorHarness"/>.</summary>
public enum DnsServerKind
{
    /// <summary>Pebble's own pebble-challtestsrv (every name resolves to loopback); no DNS-01 solver target.</summary>
    ChallTestSrv,

    /// <summary>A real bind9 that Pebble resolves through and the RFC 2136 DNS-01 solver updates.</summary>
    Bind9,
}

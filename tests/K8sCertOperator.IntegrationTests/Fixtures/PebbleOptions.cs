namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>Knobs of a Pebble instance started by <see cref="PebbleFixture"/>.</summary>
public sealed record PebbleOptions
{
    public bool ExternalAccountBindingRequired { get; init; }

    /// <summary>EAB key id to base64url MAC key.</summary>
    public IReadOnlyDictionary<string, string> ExternalAccountMacKeys { get; init; } = new Dictionary<string, string>();

    /// <summary>Names Pebble refuses with rejectedIdentifier (subdomains included).</summary>
    public IReadOnlyList<string> DomainBlocklist { get; init; } = [];

    /// <summary>
    /// Validity of issued certificates in seconds; null keeps Pebble's default (5 years on 2.4, 90 days on current
    /// Pebble). Written both as Pebble 2.4's certificateValidityPeriod and, because current Pebble takes validity
    /// from profiles only, as the validity of a single "default" profile (unless <see cref="Profiles"/> is set).
    /// </summary>
    public ulong? CertificateValidityPeriodSeconds { get; init; }

    /// <summary>
    /// ACME profiles (name to validity in seconds) current Pebble offers in meta.profiles; Pebble 2.4 has no
    /// profiles and ignores them. Tests detect what the pebble on PATH offers from its directory.
    /// </summary>
    public IReadOnlyDictionary<string, ulong>? Profiles { get; init; }

    /// <summary>PEBBLE_WFE_NONCEREJECT: percent of good nonces rejected; null keeps Pebble's 5%.</summary>
    public int? NonceRejectPercent { get; init; }

    /// <summary>PEBBLE_ALTERNATE_ROOTS: number of extra root chains offered via Link rel="alternate".</summary>
    public int? AlternateRoots { get; init; }

    /// <summary>PEBBLE_AUTHZREUSE: percent of valid authorizations reused; null keeps Pebble's 50%.</summary>
    public int? AuthzReusePercent { get; init; }

    /// <summary>PEBBLE_CHAIN_LENGTH; null keeps leaf + 1 intermediate.</summary>
    public int? ChainLength { get; init; }

    /// <summary>False when the test brings its own HTTP-01 responder for <c>HttpPort</c> (e.g. the operator's).</summary>
    public bool StartHttp01Responder { get; init; } = true;

    /// <summary>"host:port" Pebble resolves names through instead of challtestsrv (e.g. a bind9 fixture).</summary>
    public string? DnsServer { get; init; }
}

using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>Everything `certify` was told on its command line.</summary>
public sealed record CertifyOptions
{
    public required Uri Server { get; init; }

    public required IReadOnlyList<string> Domains { get; init; }

    public required string OutputDirectory { get; init; }

    public string? CaBundleFile { get; init; }

    public bool InsecureSkipVerify { get; init; }

    public string? Email { get; init; }

    public string KeyType { get; init; } = "ec256";

    /// <summary>Account key PEM; created when missing. Defaults to OUT/account.key.</summary>
    public string? AccountKeyFile { get; init; }

    public string? Http01Listen { get; init; }

    public string? PreferredChain { get; init; }

    public Rfc2136CliSettings? Dns01Rfc2136 { get; init; }

    /// <summary>Any DNS provider, from `--dns01-config FILE` (exclusive with <see cref="Dns01Rfc2136"/>).</summary>
    public Dns01FileConfig? Dns01Config { get; init; }

    public bool HasDns01 => Dns01Rfc2136 is not null || Dns01Config is not null;

    public IReadOnlyList<string> Dns01RecursiveNameservers { get; init; } = [];

    /// <summary>Check records only on <see cref="Dns01RecursiveNameservers"/>, not on the zone's authoritative servers.</summary>
    public bool Dns01RecursiveNameserversOnly { get; init; }

    /// <summary>dns-persist-01: what the record names; one the CA's challenge offers (default: the CA's first).</summary>
    public string? DnsPersistIssuerDomainName { get; init; }

    /// <summary>dns-persist-01: the record's persistUntil; null for a record without an end.</summary>
    public DateTimeOffset? DnsPersistUntil { get; init; }

    /// <summary>dns-persist-01 without a DNS provider: how long to wait for the record to be published by hand.</summary>
    public TimeSpan DnsPersistWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>ACME profile to order (draft-ietf-acme-profiles); must be one the directory's meta.profiles offers.</summary>
    public string? Profile { get; init; }

    /// <summary>The one challenge type to use (--challenge); null lets certify use every responder it has.</summary>
    public string? Challenge { get; init; }

    /// <summary>External account binding from --eab-kid / --eab-hmac-key-file.</summary>
    public ExternalAccountBinding? ExternalAccountBinding { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>dns-persist-01 with no DNS provider: the user publishes the record and certify waits for it.</summary>
    public bool PublishesByHand => Challenge is { } c && CertifyChallenges.Parse(c).Type == Acme.Resources.AcmeChallenge.DnsPersist01 && !HasDns01;

    /// <summary>The whole run's deadline: <see cref="Timeout"/>, plus <see cref="DnsPersistWait"/> when a person publishes the record.</summary>
    public TimeSpan RunTimeout => PublishesByHand ? Timeout + DnsPersistWait : Timeout;

    public string EffectiveAccountKeyFile => AccountKeyFile ?? Path.Combine(OutputDirectory, "account.key");
}

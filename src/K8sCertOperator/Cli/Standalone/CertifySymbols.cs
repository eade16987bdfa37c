using System.CommandLine;
using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>The options `certify` and `certify renew` share, and turning a parse of them into <see cref="CertifyOptions"/>.</summary>
public sealed class CertifySymbols
{
    public Option<string> Server { get; } = new("--server") { Description = "ACME directory URL", Required = true };

    public Option<string?> CaBundle { get; } = new("--ca-bundle") { Description = "PEM file with CA certificates to trust for the ACME server" };

    public Option<bool> Insecure { get; } = new("--insecure-skip-verify") { Description = "Do not verify the ACME server's TLS certificate (testing only)" };

    public Option<string?> Email { get; } = new("--email") { Description = "Account contact e-mail" };

    public Option<string[]> Domains { get; } = new("--domain", "-d") { Description = "Name (DNS or IP) to certify; repeat for more", Required = true, AllowMultipleArgumentsPerToken = false };

    public Option<string> KeyType { get; } = new("--key-type") { Description = "ec256 | ec384 | rsa2048 | rsa3072 | rsa4096", DefaultValueFactory = _ => "ec256" };

    public Option<string?> Http01Listen { get; } = new("--http01-listen") { Description = "ADDR:PORT where the HTTP-01 responder listens" };

    public Option<string> Output { get; } = new("--out") { Description = "Folder for tls.crt, tls.key, ca.crt", Required = true };

    public Option<string?> AccountKey { get; } = new("--account-key") { Description = "Account key PEM (created if missing; default OUT/account.key)" };

    public Option<string?> PreferredChain { get; } = new("--preferred-chain") { Description = "Pick the alternate chain whose top issuer has this common name" };

    public Option<string?> Profile { get; } = new("--profile") { Description = "ACME profile to order (one the directory's meta.profiles offers, e.g. classic, tlsserver, shortlived)" };

    public Option<string?> Challenge { get; } = new("--challenge")
    {
        Description = $"Use only this challenge type: {string.Join(" | ", CertifyChallenges.Supported)} (dns-persist-01 needs no DNS provider: certify then prints the record to publish)",
    };

    public Option<string?> EabKeyId { get; } = new("--eab-kid") { Description = "External account binding key id the CA issued" };

    public Option<string?> EabKeyFile { get; } = new("--eab-hmac-key-file") { Description = "File with the base64url EAB MAC key the CA issued" };

    public Option<string> EabAlgorithm { get; } = new("--eab-algorithm") { Description = "HS256 | HS384 | HS512 (the key must be at least as long as the hash)", DefaultValueFactory = _ => "HS256" };

    public Option<string?> Rfc2136 { get; } = new("--dns01-rfc2136") { Description = "HOST:PORT of a DNS server taking RFC 2136 updates" };

    public Option<string?> TsigName { get; } = new("--tsig-key-name") { Description = "TSIG key name for --dns01-rfc2136" };

    public Option<string> TsigAlgorithm { get; } = new("--tsig-algorithm") { Description = "hmac-sha256 | hmac-sha512 | …", DefaultValueFactory = _ => "hmac-sha256" };

    public Option<string?> TsigSecret { get; } = new("--tsig-secret-file") { Description = "File with the base64 TSIG secret" };

    public Option<string?> DnsConfig { get; } = new("--dns01-config") { Description = "JSON file {\"provider\": \"cloudflare|route53|rfc2136|webhook\", \"settings\": {...}}; secrets in files it names" };

    public Option<string[]> Recursive { get; } = new("--dns01-recursive-nameservers") { Description = "HOST:PORT resolvers for the propagation check", AllowMultipleArgumentsPerToken = true };

    public Option<bool> RecursiveOnly { get; } = new("--dns01-recursive-nameservers-only") { Description = "Check records only on --dns01-recursive-nameservers, not on the zone's authoritative servers" };

    public Option<string?> PersistIssuer { get; } = new("--dns-persist-issuer") { Description = "dns-persist-01: issuer domain name the record names (one the CA offers; default the CA's first)" };

    public Option<DateTimeOffset?> PersistUntil { get; } = new("--dns-persist-until") { Description = "dns-persist-01: the record's persistUntil (ISO 8601 time); none by default" };

    public Option<TimeSpan> PersistWait { get; } = new("--dns-persist-wait") { Description = "dns-persist-01 without a DNS provider: how long to wait for the record to be published", DefaultValueFactory = _ => TimeSpan.FromMinutes(15) };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log each ACME step with timestamps to stderr" };

    public Option<TimeSpan> Timeout { get; } = new("--timeout") { Description = "Give up after this long", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };

    public IEnumerable<Option> All =>
    [
        Server, CaBundle, Insecure, Email, Domains, KeyType, Http01Listen, Output, AccountKey, PreferredChain, Profile, Challenge,
        EabKeyId, EabKeyFile, EabAlgorithm, Rfc2136, TsigName, TsigAlgorithm, TsigSecret, DnsConfig, Recursive, RecursiveOnly,
        PersistIssuer, PersistUntil, PersistWait, Timeout, Verbose,
    ];

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options, or null and a usage error (bad URL, unreadable --dns01-config or EAB key file).</summary>
    public (CertifyOptions? Options, string? Error) Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (!StandaloneCommands.TryParseServer(parse.GetValue(Server), out var serverUri))
        {
            return (null, $"--server '{parse.GetValue(Server)}' is not an absolute http(s) URL");
        }
        Dns01FileConfig? dns01Config = null;
        if (parse.GetValue(DnsConfig) is { } configFile)
        {
            try
            {
                dns01Config = Dns01ConfigFile.Load(configFile);
            }
            catch (Dns01ConfigFileException e)
            {
                return (null, $"--dns01-config {configFile}: {e.Message}");
            }
        }
        var (eab, eabError) = BindEab(parse);
        if (eabError is not null)
        {
            return (null, eabError);
        }
        return (new CertifyOptions
        {
            Server = serverUri,
            CaBundleFile = parse.GetValue(CaBundle),
            InsecureSkipVerify = parse.GetValue(Insecure),
            Email = parse.GetValue(Email),
            Domains = parse.GetValue(Domains) ?? [],
            KeyType = parse.GetValue(KeyType)!,
            Http01Listen = parse.GetValue(Http01Listen),
            OutputDirectory = parse.GetValue(Output)!,
            AccountKeyFile = parse.GetValue(AccountKey),
            PreferredChain = parse.GetValue(PreferredChain),
            Profile = parse.GetValue(Profile),
            Challenge = parse.GetValue(Challenge),
            ExternalAccountBinding = eab,
            Dns01Rfc2136 = parse.GetValue(Rfc2136) is { } ns
                ? new Rfc2136CliSettings(ns, parse.GetValue(TsigName), parse.GetValue(TsigAlgorithm)!, parse.GetValue(TsigSecret))
                : null,
            Dns01Config = dns01Config,
            Dns01RecursiveNameservers = parse.GetValue(Recursive) ?? [],
            Dns01RecursiveNameserversOnly = parse.GetValue(RecursiveOnly),
            DnsPersistIssuerDomainName = parse.GetValue(PersistIssuer),
            DnsPersistUntil = parse.GetValue(PersistUntil),
            DnsPersistWait = parse.GetValue(PersistWait),
            Timeout = parse.GetValue(Timeout),
        }, null);
    }

    private (ExternalAccountBinding? Binding, string? Error) BindEab(ParseResult parse)
    {
        var keyId = parse.GetValue(EabKeyId);
        var keyFile = parse.GetValue(EabKeyFile);
        if (keyId is null && keyFile is null)
        {
            return (null, null);
        }
        if (string.IsNullOrWhiteSpace(keyId) || string.IsNullOrWhiteSpace(keyFile))
        {
            return (null, "external account binding needs both --eab-kid and --eab-hmac-key-file");
        }
        try
        {
            return (new ExternalAccountBinding(keyId, File.ReadAllText(keyFile).Trim(), parse.GetValue(EabAlgorithm)!.ToUpperInvariant()), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"--eab-hmac-key-file {keyFile}: {e.Message}");
        }
    }
}

using System.CommandLine;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>The cluster-less commands: `certify` and `revoke --server`.</summary>
public static class StandaloneCommands
{
    public static Command Certify()
    {
        var server = new Option<string>("--server") { Description = "ACME directory URL", Required = true };
        var caBundle = new Option<string?>("--ca-bundle") { Description = "PEM file with CA certificates to trust for the ACME server" };
        var insecure = new Option<bool>("--insecure-skip-verify") { Description = "Do not verify the ACME server's TLS certificate (testing only)" };
        var email = new Option<string?>("--email") { Description = "Account contact e-mail" };
        var domains = new Option<string[]>("--domain", "-d") { Description = "Name (DNS or IP) to certify; repeat for more", Required = true, AllowMultipleArgumentsPerToken = false };
        var keyType = new Option<string>("--key-type") { Description = "ec256 | ec384 | rsa2048 | rsa3072 | rsa4096", DefaultValueFactory = _ => "ec256" };
        var http01 = new Option<string?>("--http01-listen") { Description = "ADDR:PORT where the HTTP-01 responder listens" };
        var output = new Option<string>("--out") { Description = "Folder for tls.crt, tls.key, ca.crt", Required = true };
        var accountKey = new Option<string?>("--account-key") { Description = "Account key PEM (created if missing; default OUT/account.key)" };
        var preferredChain = new Option<string?>("--preferred-chain") { Description = "Pick the alternate chain whose top issuer has this common name" };
        var rfc2136 = new Option<string?>("--dns01-rfc2136") { Description = "HOST:PORT of a DNS server taking RFC 2136 updates" };
        var tsigName = new Option<string?>("--tsig-key-name") { Description = "TSIG key name for --dns01-rfc2136" };
        var tsigAlgorithm = new Option<string>("--tsig-algorithm") { Description = "hmac-sha256 | hmac-sha512 | …", DefaultValueFactory = _ => "hmac-sha256" };
        var tsigSecret = new Option<string?>("--tsig-secret-file") { Description = "File with the base64 TSIG secret" };
        var dnsConfig = new Option<string?>("--dns01-config") { Description = "JSON file {\"provider\": \"cloudflare|route53|rfc2136|webhook\", \"settings\": {...}}; secrets in files it names" };
        var recursive = new Option<string[]>("--dns01-recursive-nameservers") { Description = "HOST:PORT resolvers for the propagation check", AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log each ACME step with timestamps to stderr" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "Give up after this long", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };

        var command = new Command("certify", "Get a certificate from an ACME server without a cluster (like lego/certbot)")
        {
            server, caBundle, insecure, email, domains, keyType, http01, output, accountKey, preferredChain,
            rfc2136, tsigName, tsigAlgorithm, tsigSecret, dnsConfig, recursive, timeout, verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryParseServer(parse.GetValue(server), out var serverUri))
            {
                await Console.Error.WriteLineAsync($"error: --server '{parse.GetValue(server)}' is not an absolute http(s) URL").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            Dns01FileConfig? dns01Config = null;
            if (parse.GetValue(dnsConfig) is { } configFile)
            {
                try
                {
                    dns01Config = Dns01ConfigFile.Load(configFile);
                }
                catch (Dns01ConfigFileException e)
                {
                    await Console.Error.WriteLineAsync($"error: --dns01-config {configFile}: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
            }
            var options = new CertifyOptions
            {
                Server = serverUri,
                CaBundleFile = parse.GetValue(caBundle),
                InsecureSkipVerify = parse.GetValue(insecure),
                Email = parse.GetValue(email),
                Domains = parse.GetValue(domains) ?? [],
                KeyType = parse.GetValue(keyType)!,
                Http01Listen = parse.GetValue(http01),
                OutputDirectory = parse.GetValue(output)!,
                AccountKeyFile = parse.GetValue(accountKey),
                PreferredChain = parse.GetValue(preferredChain),
                Dns01Rfc2136 = parse.GetValue(rfc2136) is { } ns
                    ? new Rfc2136CliSettings(ns, parse.GetValue(tsigName), parse.GetValue(tsigAlgorithm)!, parse.GetValue(tsigSecret))
                    : null,
                Dns01Config = dns01Config,
                Dns01RecursiveNameservers = parse.GetValue(recursive) ?? [],
                Timeout = parse.GetValue(timeout),
            };
            using var logs = parse.GetValue(verbose) ? OperatorLogging.Create("text", "Debug") : null;
            return await CertifyRunner.RunAsync(options, Console.Out, Console.Error, logs, ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>An absolute http or https URL; System.CommandLine has no Uri parser of its own.</summary>
    public static bool TryParseServer(string? text, out Uri server)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp))
        {
            server = parsed;
            return true;
        }
        server = null!;
        return false;
    }

    public static RevokeOptions? ParseRevoke(ParseResult parse, RevokeSymbols s)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(s);
        return TryParseServer(parse.GetValue(s.Server), out var server) && parse.GetValue(s.Cert) is { } cert
            ? new RevokeOptions
            {
                Server = server,
                CertificateFile = cert,
                CertificateKeyFile = parse.GetValue(s.Key),
                AccountKeyFile = parse.GetValue(s.AccountKey),
                Reason = parse.GetValue(s.Reason),
                CaBundleFile = parse.GetValue(s.CaBundle),
                InsecureSkipVerify = parse.GetValue(s.Insecure),
            }
            : null;
    }
}

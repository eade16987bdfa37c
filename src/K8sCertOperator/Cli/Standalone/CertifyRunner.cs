using System.Globalization;
using System.Net;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Hosting;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>`certify`: one certificate from an ACME server into a folder, with no cluster.</summary>
public static class CertifyRunner
{
    public static async Task<int> RunAsync(CertifyOptions options, TextWriter stdout, TextWriter stderr, ILoggerFactory? logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Validate(options) is { } usageError)
        {
            await stderr.WriteLineAsync("error: " + usageError).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var tls = StandaloneTls.From(options.CaBundleFile, options.InsecureSkipVerify);
        // A one-shot process spends most of its time starting up, so the HTTP-01 responder and the
        // certificate key are prepared while the account is looked up instead of one after the other.
        var tokens = string.IsNullOrWhiteSpace(options.Http01Listen) ? null : new Http01TokenStore();
        var responderStart = tokens is null
            ? Task.FromResult<Http01Responder?>(null)
            : StartResponderAsync(options.Http01Listen!, tokens, logs, timeout.Token);
        var keyGeneration = Task.Run(() => PrivateKeyGenerator.Generate(KeyTypes.Parse(options.KeyType)!), timeout.Token);
        try
        {
            using var http = AcmeHttpHandlerFactory.CreateClient(tls);
            using var signer = AccountKeyFile.LoadOrCreate(options.EffectiveAccountKeyFile, out var created);
            var client = new AcmeClient(http, options.Server, signer, logger: logs?.CreateLogger<AcmeClient>());
            // A key made just now cannot have an account yet: skip the look-up round trip.
            var account = (created ? null : await client.FindAccountAsync(timeout.Token).ConfigureAwait(false))
                ?? await client.NewAccountAsync(Contacts(options.Email), true, null, timeout.Token).ConfigureAwait(false);
            await stdout.WriteLineAsync($"account {account.Location} ({(created ? "new key" : "existing key")})").ConfigureAwait(false);

            await responderStart.ConfigureAwait(false);
            var (dns, propagation) = CreateDns(options);
            var issuance = new AcmeIssuance(client, new StandaloneChallengeResponder(tokens, dns, propagation), logs?.CreateLogger<AcmeIssuance>());

            var key = await keyGeneration.ConfigureAwait(false);
            var template = Template(options.Domains);
            var result = await issuance.IssueAsync(new AcmeIssuanceRequest
            {
                Identifiers = [.. options.Domains.Select(AcmeIdentifier.Parse)],
                CsrDer = CsrBuilder.BuildDer(key, template),
                PreferredChain = options.PreferredChain,
            }, timeout.Token).ConfigureAwait(false);

            Directory.CreateDirectory(options.OutputDirectory);
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "tls.crt"), result.Certificate.Pem, timeout.Token).ConfigureAwait(false);
            AccountKeyFile.WritePrivate(Path.Combine(options.OutputDirectory, "tls.key"), key.ExportPem(PrivateKeyEncoding.Pkcs8));
            var top = result.Certificate.Certificates[^1];
            await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "ca.crt"), PemCodec.EncodeCertificate(top), timeout.Token).ConfigureAwait(false);
            var info = CertificateInfo.FromCertificate(result.Certificate.Leaf);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"issued serial {info.SerialNumberHex} for {string.Join(',', options.Domains)}, valid until {info.NotAfter:u}; wrote {options.OutputDirectory}/tls.crt, tls.key, ca.crt")).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        finally
        {
            await StopAsync(responderStart).ConfigureAwait(false);
            await DisposeKeyAsync(keyGeneration).ConfigureAwait(false);
        }
    }

    private static async Task<Http01Responder?> StartResponderAsync(string listen, Http01TokenStore tokens, ILoggerFactory? logs, CancellationToken ct) =>
        await Http01Responder.StartAsync(ListenAddress.Parse(listen), tokens, logs, ct).ConfigureAwait(false);

    // Runs on every exit path; a responder that failed to start has already reported through the main path.
    private static async Task StopAsync(Task<Http01Responder?> responderStart)
    {
        try
        {
            if (await responderStart.ConfigureAwait(false) is { } responder)
            {
                await responder.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already surfaced (or irrelevant) when the main path failed first.
        }
    }

    // Also on the paths that failed before the key was used.
    private static async Task DisposeKeyAsync(Task<CertificateKey> keyGeneration)
    {
        try
        {
            (await keyGeneration.ConfigureAwait(false)).Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Cancelled or failed generation: nothing to dispose.
        }
    }

    /// <summary>Usage problems found before any network call; null when the options are usable.</summary>
    public static string? Validate(CertifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Domains.Count == 0)
        {
            return "at least one -d/--domain is required";
        }
        if (KeyTypes.Parse(options.KeyType) is null)
        {
            return $"unknown --key-type '{options.KeyType}' (one of {string.Join(", ", KeyTypes.Names)})";
        }
        if (options.Dns01Rfc2136 is not null && options.Dns01Config is not null)
        {
            return "give either --dns01-rfc2136 or --dns01-config, not both";
        }
        if (string.IsNullOrWhiteSpace(options.Http01Listen) && !options.HasDns01)
        {
            return "give --http01-listen ADDR:PORT and/or --dns01-rfc2136 HOST:PORT or --dns01-config FILE to answer challenges";
        }
        if (!string.IsNullOrWhiteSpace(options.Http01Listen) && !ListenAddress.TryParse(options.Http01Listen, out _, out var listenError))
        {
            return "--http01-listen: " + listenError;
        }
        if (options.Domains.Any(d => d.StartsWith("*.", StringComparison.Ordinal)) && !options.HasDns01)
        {
            return "wildcard names can only be validated with DNS-01: add --dns01-rfc2136 or --dns01-config";
        }
        if (options.CaBundleFile is { } bundle && !File.Exists(bundle))
        {
            return $"--ca-bundle file '{bundle}' does not exist";
        }
        return null;
    }

    private static CertificateTemplate Template(IReadOnlyList<string> domains)
    {
        var ips = domains.Where(d => IPAddress.TryParse(d, out _)).ToList();
        return new CertificateTemplate
        {
            DnsNames = [.. domains.Except(ips)],
            IpAddresses = ips,
        };
    }

    private static IReadOnlyList<string> Contacts(string? email) =>
        string.IsNullOrWhiteSpace(email) ? [] : [email];

    private static (IDnsProvider? Provider, Dns01PropagationChecker? Checker) CreateDns(CertifyOptions options)
    {
        if (options.Dns01Config is { } config)
        {
            return CreateConfiguredDns(options, config);
        }
        if (options.Dns01Rfc2136 is not { } rfc)
        {
            return (null, null);
        }
        var secret = rfc.TsigSecretFile is { } file ? Convert.FromBase64String(File.ReadAllText(file).Trim()) : null;
        var provider = new Rfc2136ProviderFactory().Create(new Rfc2136Settings(rfc.Nameserver, rfc.TsigKeyName, rfc.TsigAlgorithm, secret));
        // Without resolvers of its own, certify checks the server it just updated; with them, it
        // also follows the zone's NS records, as the operator does.
        var explicitResolvers = options.Dns01RecursiveNameservers.Count > 0;
        var checker = new Dns01PropagationChecker(new Dns01PropagationOptions
        {
            RecursiveNameservers = explicitResolvers ? options.Dns01RecursiveNameservers : [rfc.Nameserver],
            RecursiveNameserversOnly = !explicitResolvers,
        });
        return (provider, checker);
    }

    private static (IDnsProvider, Dns01PropagationChecker) CreateConfiguredDns(CertifyOptions options, Dns01FileConfig config)
    {
        var registry = DnsProviderRegistry.CreateDefault(new DnsProviderDependencies(ProviderHttp, WebhookSender(config)));
        // RFC 2136 without resolvers checks the server it updated, like --dns01-rfc2136; hosted DNS
        // (Cloudflare, Route53, webhooks) is checked through the system resolvers and the zone's NS.
        var resolvers = options.Dns01RecursiveNameservers.Count > 0
            ? options.Dns01RecursiveNameservers
            : config.DefaultPropagationNameserver is { } ns ? [ns] : [];
        var checker = new Dns01PropagationChecker(new Dns01PropagationOptions
        {
            RecursiveNameservers = resolvers,
            RecursiveNameserversOnly = options.Dns01RecursiveNameservers.Count == 0 && config.DefaultPropagationNameserver is not null,
        });
        return (new ConfiguredDnsProvider(registry, config), checker);
    }

    private static readonly HttpClient ProviderHttp = DnsProviderHttp.CreateClient();

    // A webhook solver is an APIService: certify reaches it through the API server of the
    // kubeconfig named in the file (or the usual one), only when a webhook is configured.
    private static Solvers.Dns01.Webhook.WebhookSender WebhookSender(Dns01FileConfig config)
    {
        var client = new Lazy<k8s.Kubernetes>(() => new k8s.Kubernetes(KubeClientFactory.Configuration(config.Kubeconfig, null)));
        return (request, ct) => OperatorComposition.WebhookSenderFor(client.Value)(request, ct);
    }
}

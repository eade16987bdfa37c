using K8sCertOperator.Hosting;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>The DNS-01 provider and propagation check certify's options describe (none without DNS options).</summary>
public static class StandaloneDns
{
    private static readonly HttpClient ProviderHttp = DnsProviderHttp.CreateClient();

    public static (IDnsProvider? Provider, Dns01PropagationChecker? Checker) Create(CertifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dns01Config is { } config)
        {
            return CreateConfigured(options, config);
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

    private static (IDnsProvider, Dns01PropagationChecker) CreateConfigured(CertifyOptions options, Dns01FileConfig config)
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

    // A webhook solver is an APIService: certify reaches it through the API server of the
    // kubeconfig named in the file (or the usual one), only when a webhook is configured.
    private static Solvers.Dns01.Webhook.WebhookSender WebhookSender(Dns01FileConfig config)
    {
        var client = new Lazy<k8s.Kubernetes>(() => new k8s.Kubernetes(KubeClientFactory.Configuration(config.Kubeconfig, null)));
        return (request, ct) => OperatorComposition.WebhookSenderFor(client.Value)(request, ct);
    }
}

using K8sCertOperator.Hosting;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>The DNS provider and propagation check certify's options describe (no provider without DNS options).</summary>
public static class StandaloneDns
{
    private static readonly HttpClient ProviderHttp = DnsProviderHttp.CreateClient();

    public static (IDnsProvider? Provider, Dns01PropagationChecker? Checker) Create(CertifyOptions options)
    {
        var provider = Provider(options);
        return (provider, provider is null ? null : new Dns01PropagationChecker(PropagationOptions(options)));
    }

    /// <summary>The provider of --dns01-config or --dns01-rfc2136; null when neither is given.</summary>
    public static IDnsProvider? Provider(CertifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dns01Config is { } config)
        {
            var registry = DnsProviderRegistry.CreateDefault(new DnsProviderDependencies(ProviderHttp, WebhookSender(config)));
            return new ConfiguredDnsProvider(registry, config);
        }
        if (options.Dns01Rfc2136 is not { } rfc)
        {
            return null;
        }
        var secret = rfc.TsigSecretFile is { } file ? Convert.FromBase64String(File.ReadAllText(file).Trim()) : null;
        return new Rfc2136ProviderFactory().Create(new Rfc2136Settings(rfc.Nameserver, rfc.TsigKeyName, rfc.TsigAlgorithm, secret));
    }

    /// <summary>
    /// Where records are checked. With --dns01-recursive-nameservers: those, and the zone's authoritative servers unless
    /// --dns01-recursive-nameservers-only. Without: the server an RFC 2136 update went to; else (hosted DNS, or a record
    /// published by hand) the zone's authoritative servers, found through the system resolvers.
    /// </summary>
    public static Dns01PropagationOptions PropagationOptions(CertifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Dns01RecursiveNameservers.Count > 0)
        {
            return new Dns01PropagationOptions
            {
                RecursiveNameservers = options.Dns01RecursiveNameservers,
                RecursiveNameserversOnly = options.Dns01RecursiveNameserversOnly,
            };
        }
        var updated = options.Dns01Rfc2136?.Nameserver ?? options.Dns01Config?.DefaultPropagationNameserver;
        return updated is null
            ? new Dns01PropagationOptions()
            : new Dns01PropagationOptions { RecursiveNameservers = [updated], RecursiveNameserversOnly = true };
    }

    // A webhook solver is an APIService: certify reaches it through the API server of the
    // kubeconfig named in the file (or the usual one), only when a webhook is configured.
    private static Solvers.Dns01.Webhook.WebhookSender WebhookSender(Dns01FileConfig config)
    {
        var client = new Lazy<k8s.Kubernetes>(() => new k8s.Kubernetes(KubeClientFactory.Configuration(config.Kubeconfig, null)));
        return (request, ct) => OperatorComposition.WebhookSenderFor(client.Value)(request, ct);
    }
}

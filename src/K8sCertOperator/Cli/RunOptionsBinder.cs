using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using K8sCertOperator.Api;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Cli;

/// <summary>The operator's flags (root command) and their mapping onto <see cref="OperatorOptions"/>.</summary>
public sealed class RunOptionsBinder
{
    public const string RestrictNamespacedIssuersEnv = "K8SCERT_RESTRICT_NAMESPACED_ISSUERS";

    public const string NamespacedIssuerAcmeServersEnv = "K8SCERT_NAMESPACED_ISSUER_ACME_SERVERS";

    private static readonly OperatorOptions Defaults = new();

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: in-cluster, else $KUBECONFIG or ~/.kube/config)" };

    public Option<string?> Context { get; } = new("--context") { Description = "Kubeconfig context to use" };

    public Option<string> Namespace { get; } = new("--namespace") { Description = "The operator's own namespace (Lease, challenge Ingresses; ClusterIssuer Secrets unless --cluster-resource-namespace)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? Defaults.Namespace };

    public Option<string?> ClusterResourceNamespace { get; } = new("--cluster-resource-namespace")
    {
        Description = "Namespace of the Secrets ClusterIssuers name (CA key pair, ACME account key, DNS credentials), as cert-manager's flag of that name (default: --namespace)",
    };

    public Option<string?> WatchNamespace { get; } = new("--watch-namespace") { Description = "Only reconcile objects in this namespace (default: all)" };

    public Option<bool> LeaderElect { get; } = new("--leader-elect") { Description = "Use a Lease so only one replica reconciles", DefaultValueFactory = _ => true };

    public Option<TimeSpan> LeaseDuration { get; } = new("--leader-election-lease-duration") { DefaultValueFactory = _ => Defaults.LeaseDuration };

    public Option<TimeSpan> RenewDeadline { get; } = new("--leader-election-renew-deadline") { DefaultValueFactory = _ => Defaults.RenewDeadline };

    public Option<TimeSpan> RetryPeriod { get; } = new("--leader-election-retry-period") { DefaultValueFactory = _ => Defaults.RetryPeriod };

    public Option<int> Workers { get; } = new("--workers") { Description = "Concurrent reconciles per controller", DefaultValueFactory = _ => Defaults.Workers };

    public Option<string> Http01Listen { get; } = new("--http01-listen") { Description = "ADDR:PORT of the HTTP-01 responder (empty disables)", DefaultValueFactory = _ => Defaults.Http01Listen };

    public Option<string> Http01Service { get; } = new("--http01-service-name") { Description = "Service in front of the responder (challenge Ingress backend)", DefaultValueFactory = _ => Defaults.Http01ServiceName };

    public Option<int> Http01ServicePort { get; } = new("--http01-service-port") { DefaultValueFactory = _ => Defaults.Http01ServicePort };

    public Option<bool> Http01SelfCheck { get; } = new("--http01-self-check") { Description = "GET the challenge URL through the ingress before asking the CA to validate", DefaultValueFactory = _ => true };

    public Option<bool> Http01SelfCheckAllowLoopback { get; } = new("--http01-self-check-allow-loopback") { Description = "Let the self-check reach loopback and link-local addresses (tests on one machine only)" };

    public Option<bool> RestrictNamespacedIssuers { get; } = new("--restrict-namespaced-issuers")
    {
        Description = "Multi-tenant clusters: namespaced Issuers may not use skipTLSVerify or ACME servers on loopback, link-local or private addresses (env " + RestrictNamespacedIssuersEnv + ")",
        DefaultValueFactory = _ => bool.TryParse(Environment.GetEnvironmentVariable(RestrictNamespacedIssuersEnv), out var on) && on,
    };

    public Option<string?> NamespacedIssuerAcmeServers { get; } = new("--namespaced-issuer-acme-servers")
    {
        Description = "HOST[,HOST…]: the only ACME server hosts namespaced Issuers may use; turns the restriction on (env " + NamespacedIssuerAcmeServersEnv + ")",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(NamespacedIssuerAcmeServersEnv),
    };
    public Option<Solvers.Http01.Http01SolverNamespace> Http01SolverNamespace { get; } = new("--http01-solver-namespace")
    {
        Description = "Where temporary HTTP-01 Ingresses live: certificate (the Certificate's namespace, so its host policies apply; default) | operator (single-tenant clusters)",
        DefaultValueFactory = _ => Defaults.Http01SolverNamespace,
        CustomParser = ParseSolverNamespace,
    };

    public Option<string> ClusterDomain { get; } = new("--cluster-domain") { Description = "DNS suffix of Services, for the HTTP-01 ExternalName Services", DefaultValueFactory = _ => Defaults.ClusterDomain };

    public Option<string> MetricsListen { get; } = new("--metrics-listen") { Description = "ADDR:PORT for /metrics", DefaultValueFactory = _ => Defaults.MetricsListen };

    public Option<string> HealthListen { get; } = new("--health-listen") { Description = "ADDR:PORT for /healthz and /readyz", DefaultValueFactory = _ => Defaults.HealthListen };

    public Option<string?> RecursiveNameservers { get; } = new("--dns01-recursive-nameservers") { Description = "HOST:PORT[,HOST:PORT…] for DNS-01 propagation checks" };

    public Option<bool> RecursiveOnly { get; } = new("--dns01-recursive-nameservers-only") { Description = "Check propagation only on the recursive nameservers" };

    public Option<Controllers.GatewayShim.GatewayApiMode> GatewayApi { get; } = new("--gateway-api")
    {
        Description = "Certificates for annotated Gateways and ListenerSets: auto (when the API server serves the Gateway API; installed later, the operator exits once to restart with it; default) | on (required) | off",
        DefaultValueFactory = _ => Defaults.GatewayApi,
        CustomParser = ParseGatewayApi,
    };

    public Option<bool> CertManagerAnnotations { get; } = new("--enable-cert-manager-annotations") { Description = "Also honour cert-manager.io/* and kubernetes.io/tls-acme Ingress annotations" };

    public Option<string?> DefaultIssuerName { get; } = new("--default-issuer-name") { Description = "Issuer for Ingresses annotated kubernetes.io/tls-acme: \"true\" (needs --enable-cert-manager-annotations)" };

    public Option<string> DefaultIssuerKind { get; } = new("--default-issuer-kind") { Description = "Issuer | ClusterIssuer", DefaultValueFactory = _ => Defaults.DefaultIssuerKind };

    public Option<string?> DefaultIssuerGroup { get; } = new("--default-issuer-group") { Description = "API group of the default issuer (default: k8scert.io)" };

    public Option<string?> AcmeOrderRate { get; } = new("--acme-order-rate")
    {
        Description = "Most new ACME orders per issuer account per period, COUNT/DURATION (Let's Encrypt: 300/3h); 'off' (default) sends every order",
    };

    public Option<string> ApproveSigners { get; } = new("--approve-signers")
    {
        Description = "CertificateRequest signers the built-in approver approves, comma-separated patterns ('*' matches any run): "
            + "<kind plural>.<group>/<namespace>.<name> or <kind plural>.<group>/<name> for cluster-scoped issuers; 'none' turns it off",
        DefaultValueFactory = _ => Controllers.CertificateRequests.Approval.SignerPatterns.DefaultText,
    };

    public Option<int> RenewalJitterPercent { get; } = new("--renewal-jitter-percent")
    {
        Description = $"Spread renewals: each certificate renews up to this % of its renewBefore later, fixed per certificate (0-{Policies.RenewalJitter.MaxPercent}, 0 disables)",
        DefaultValueFactory = _ => Defaults.RenewalJitter.Percent,
    };

    public Option<TimeSpan> RenewalJitterMax { get; } = new("--renewal-jitter-max")
    {
        Description = "Cap on the renewal spread (e.g. 1h, 30m)",
        DefaultValueFactory = _ => Defaults.RenewalJitter.Max,
        CustomParser = ParseDuration,
    };

    public Option<Api.ApiFlavor> ApiMode { get; } = new("--api-mode")
    {
        Description = "API to reconcile: k8scert (k8scert.io, default) or cert-manager (the cert-manager.io CRDs cert-manager installed)",
        DefaultValueFactory = _ => Defaults.ApiMode,
        CustomParser = ParseApiMode,
    };

    public Option<string> CertManagerLease { get; } = new("--cert-manager-lease")
    {
        Description = "NAMESPACE/NAME of cert-manager's leader-election Lease; in cert-manager mode the operator waits while it is held ('none': no check)",
        DefaultValueFactory = _ => Defaults.CertManagerLeaseNamespace + "/" + Defaults.CertManagerLeaseName,
    };

    public Option<string> LogFormat { get; } = new("--log-format") { Description = "text | json", DefaultValueFactory = _ => "text" };

    public Option<string> LogLevel { get; } = new("--log-level") { Description = "Trace | Debug | Information | Warning | Error", DefaultValueFactory = _ => "Information" };

    public IEnumerable<Option> All =>
    [
        Kubeconfig, Context, Namespace, ClusterResourceNamespace, WatchNamespace, LeaderElect, LeaseDuration, RenewDeadline, RetryPeriod, Workers,
        Http01Listen, Http01Service, Http01ServicePort, Http01SelfCheck, Http01SelfCheckAllowLoopback, Http01SolverNamespace, ClusterDomain, RestrictNamespacedIssuers, NamespacedIssuerAcmeServers, MetricsListen, HealthListen, RecursiveNameservers, RecursiveOnly,
        GatewayApi, CertManagerAnnotations, DefaultIssuerName, DefaultIssuerKind, DefaultIssuerGroup, AcmeOrderRate, ApproveSigners, RenewalJitterPercent, RenewalJitterMax,
        ApiMode, CertManagerLease, LogFormat, LogLevel,
    ];

    public RunOptionsBinder()
    {
        AcmeOrderRate.Validators.Add(result =>
        {
            if (!Controllers.Orders.AcmeOrderRate.TryParse(result.GetValueOrDefault<string?>(), out _, out var error))
            {
                result.AddError("--acme-order-rate: " + error);
            }
        });
        CertManagerLease.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (text != "none" && text.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                result.AddError($"--cert-manager-lease: '{text}' is not NAMESPACE/NAME or none");
            }
        });
        RenewalJitterPercent.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 0 or > Policies.RenewalJitter.MaxPercent)
            {
                result.AddError($"--renewal-jitter-percent must be between 0 and {Policies.RenewalJitter.MaxPercent}, not {value}");
            }
        });
    }

    public OperatorOptions Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new OperatorOptions
        {
            KubeconfigPath = parse.GetValue(Kubeconfig),
            Context = parse.GetValue(Context),
            Namespace = parse.GetValue(Namespace)!,
            ClusterResourceNamespace = parse.GetValue(ClusterResourceNamespace),
            WatchNamespace = parse.GetValue(WatchNamespace),
            LeaderElection = parse.GetValue(LeaderElect),
            LeaseDuration = parse.GetValue(LeaseDuration),
            RenewDeadline = parse.GetValue(RenewDeadline),
            RetryPeriod = parse.GetValue(RetryPeriod),
            Workers = parse.GetValue(Workers),
            Http01Listen = parse.GetValue(Http01Listen)!,
            Http01ServiceName = parse.GetValue(Http01Service)!,
            Http01ServicePort = parse.GetValue(Http01ServicePort),
            Http01SelfCheck = parse.GetValue(Http01SelfCheck),
            Http01SelfCheckAllowLoopback = parse.GetValue(Http01SelfCheckAllowLoopback),
            NamespacedIssuers = new Policies.NamespacedIssuerRestrictions
            {
                Enabled = parse.GetValue(RestrictNamespacedIssuers),
                AllowedAcmeHosts = (parse.GetValue(NamespacedIssuerAcmeServers) ?? string.Empty)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            },
            Http01SolverNamespace = parse.GetValue(Http01SolverNamespace),
            ClusterDomain = parse.GetValue(ClusterDomain)!,
            MetricsListen = parse.GetValue(MetricsListen)!,
            HealthListen = parse.GetValue(HealthListen)!,
            Dns01RecursiveNameservers = (parse.GetValue(RecursiveNameservers) ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Dns01RecursiveNameserversOnly = parse.GetValue(RecursiveOnly),
            GatewayApi = parse.GetValue(GatewayApi),
            CertManagerAnnotations = parse.GetValue(CertManagerAnnotations),
            DefaultIssuerName = parse.GetValue(DefaultIssuerName),
            DefaultIssuerKind = parse.GetValue(DefaultIssuerKind)!,
            DefaultIssuerGroup = parse.GetValue(DefaultIssuerGroup),
            AcmeOrderRate = Controllers.Orders.AcmeOrderRate.Parse(parse.GetValue(AcmeOrderRate)),
            ApproveSigners = Controllers.CertificateRequests.Approval.SignerPatterns.Parse(parse.GetValue(ApproveSigners)),
            RenewalJitter = new Policies.RenewalJitter(parse.GetValue(RenewalJitterPercent), parse.GetValue(RenewalJitterMax)),
            ApiMode = parse.GetValue(ApiMode)!,
            CertManagerLeaseNamespace = LeasePart(parse.GetValue(CertManagerLease), 0) ?? Defaults.CertManagerLeaseNamespace,
            CertManagerLeaseName = LeasePart(parse.GetValue(CertManagerLease), 1),
        };
    }

    private static Solvers.Http01.Http01SolverNamespace ParseSolverNamespace(ArgumentResult result) =>
        ParseChoice(result, "--http01-solver-namespace", Solvers.Http01.Http01SolverNamespace.Certificate,
            ("certificate", Solvers.Http01.Http01SolverNamespace.Certificate), ("operator", Solvers.Http01.Http01SolverNamespace.Operator));

    private static Controllers.GatewayShim.GatewayApiMode ParseGatewayApi(ArgumentResult result) =>
        ParseChoice(result, "--gateway-api", Controllers.GatewayShim.GatewayApiMode.Auto,
            ("auto", Controllers.GatewayShim.GatewayApiMode.Auto), ("on", Controllers.GatewayShim.GatewayApiMode.On), ("off", Controllers.GatewayShim.GatewayApiMode.Off));

    // One of a few lower-case words (matched case-insensitively); anything else is an error naming them.
    private static T ParseChoice<T>(ArgumentResult result, string option, T fallback, params (string Word, T Value)[] choices)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        foreach (var (word, value) in choices)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var words = choices.Select(c => c.Word).ToList();
        result.AddError($"{option}: '{text}' is not {string.Join(", ", words.SkipLast(1))} or {words[^1]}");
        return fallback;
    }

    private static string? LeasePart(string? text, int index) => text is null or "none" ? null : text.Split('/')[index];

    private static Api.ApiFlavor ParseApiMode(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (Api.ApiFlavor.Find(text) is { } flavor)
        {
            return flavor;
        }
        result.AddError($"--api-mode: '{text}' is not one of {string.Join(", ", Api.ApiFlavor.All.Select(f => f.Mode))}");
        return Defaults.ApiMode;
    }

    // Go-style durations (1h, 30m) like the CRDs, or .NET's hh:mm:ss like the lease flags.
    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (GoDuration.TryParse(text, out var value) || TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            if (value >= TimeSpan.Zero)
            {
                return value;
            }
        }
        result.AddError($"{((OptionResult)result.Parent!).Option.Name}: '{text}' is not a duration like 1h or 30m");
        return TimeSpan.Zero;
    }
}

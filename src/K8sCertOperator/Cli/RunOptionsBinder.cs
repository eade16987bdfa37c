using System.CommandLine;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Cli;

/// <summary>The operator's flags (root command) and their mapping onto <see cref="OperatorOptions"/>.</summary>
public sealed class RunOptionsBinder
{
    private static readonly OperatorOptions Defaults = new();

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Kubeconfig file (default: in-cluster, else $KUBECONFIG or ~/.kube/config)" };

    public Option<string?> Context { get; } = new("--context") { Description = "Kubeconfig context to use" };

    public Option<string> Namespace { get; } = new("--namespace") { Description = "The operator's own namespace (Lease, challenge Ingresses, ClusterIssuer Secrets)", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? Defaults.Namespace };

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

    public Option<string> MetricsListen { get; } = new("--metrics-listen") { Description = "ADDR:PORT for /metrics", DefaultValueFactory = _ => Defaults.MetricsListen };

    public Option<string> HealthListen { get; } = new("--health-listen") { Description = "ADDR:PORT for /healthz and /readyz", DefaultValueFactory = _ => Defaults.HealthListen };

    public Option<string?> RecursiveNameservers { get; } = new("--dns01-recursive-nameservers") { Description = "HOST:PORT[,HOST:PORT…] for DNS-01 propagation checks" };

    public Option<bool> RecursiveOnly { get; } = new("--dns01-recursive-nameservers-only") { Description = "Check propagation only on the recursive nameservers" };

    public Option<bool> CertManagerAnnotations { get; } = new("--enable-cert-manager-annotations") { Description = "Also honour cert-manager.io/* and kubernetes.io/tls-acme Ingress annotations" };

    public Option<string?> DefaultIssuerName { get; } = new("--default-issuer-name") { Description = "Issuer for Ingresses annotated kubernetes.io/tls-acme: \"true\" (needs --enable-cert-manager-annotations)" };

    public Option<string> DefaultIssuerKind { get; } = new("--default-issuer-kind") { Description = "Issuer | ClusterIssuer", DefaultValueFactory = _ => Defaults.DefaultIssuerKind };

    public Option<string?> DefaultIssuerGroup { get; } = new("--default-issuer-group") { Description = "API group of the default issuer (default: k8scert.io)" };

    public Option<string> LogFormat { get; } = new("--log-format") { Description = "text | json", DefaultValueFactory = _ => "text" };

    public Option<string> LogLevel { get; } = new("--log-level") { Description = "Trace | Debug | Information | Warning | Error", DefaultValueFactory = _ => "Information" };

    public IEnumerable<Option> All =>
    [
        Kubeconfig, Context, Namespace, WatchNamespace, LeaderElect, LeaseDuration, RenewDeadline, RetryPeriod, Workers,
        Http01Listen, Http01Service, Http01ServicePort, Http01SelfCheck, MetricsListen, HealthListen, RecursiveNameservers, RecursiveOnly,
        CertManagerAnnotations, DefaultIssuerName, DefaultIssuerKind, DefaultIssuerGroup, LogFormat, LogLevel,
    ];

    public OperatorOptions Bind(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new OperatorOptions
        {
            KubeconfigPath = parse.GetValue(Kubeconfig),
            Context = parse.GetValue(Context),
            Namespace = parse.GetValue(Namespace)!,
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
            MetricsListen = parse.GetValue(MetricsListen)!,
            HealthListen = parse.GetValue(HealthListen)!,
            Dns01RecursiveNameservers = (parse.GetValue(RecursiveNameservers) ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Dns01RecursiveNameserversOnly = parse.GetValue(RecursiveOnly),
            CertManagerAnnotations = parse.GetValue(CertManagerAnnotations),
            DefaultIssuerName = parse.GetValue(DefaultIssuerName),
            DefaultIssuerKind = parse.GetValue(DefaultIssuerKind)!,
            DefaultIssuerGroup = parse.GetValue(DefaultIssuerGroup),
        };
    }
}

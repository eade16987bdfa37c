namespace K8sCertOperator.Hosting;

/// <summary>Everything the operator process is told at start-up; immutable once parsed.</summary>
public sealed record OperatorOptions
{
    /// <summary>Kubeconfig file; null means in-cluster config when in a pod, else $KUBECONFIG / ~/.kube/config.</summary>
    public string? KubeconfigPath { get; init; }

    public string? Context { get; init; }

    /// <summary>The operator's own namespace: Lease, challenge Ingresses, responder Service.</summary>
    public string Namespace { get; init; } = "k8s-cert-operator";

    /// <summary>
    /// Where the Secrets ClusterIssuers name live (CA key pair, ACME account key, DNS credentials), like cert-manager's
    /// --cluster-resource-namespace; null or empty: <see cref="Namespace"/>. Taking over from cert-manager, this is the
    /// namespace cert-manager ran in (usually cert-manager), so its ClusterIssuers keep their accounts.
    /// </summary>
    public string? ClusterResourceNamespace { get; init; }

    /// <summary>Only reconcile objects in this namespace; null watches all namespaces.</summary>
    public string? WatchNamespace { get; init; }

    public bool LeaderElection { get; init; } = true;

    public string LeaseName { get; init; } = "k8s-cert-operator";

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public int Workers { get; init; } = 4;

    /// <summary>Where the HTTP-01 responder listens (ADDR:PORT, ":PORT" for all addresses); empty disables it.</summary>
    public string Http01Listen { get; init; } = ":8089";

    public string MetricsListen { get; init; } = ":9402";

    public string HealthListen { get; init; } = ":9403";

    /// <summary>Name of the Service that fronts the HTTP-01 responder (challenge Ingress backend).</summary>
    public string Http01ServiceName { get; init; } = "k8s-cert-operator-http01";

    public int Http01ServicePort { get; init; } = 8089;

    /// <summary>
    /// Where temporary HTTP-01 Ingresses live: the Certificate's namespace (default; with an ExternalName Service
    /// there), or the operator's (--http01-solver-namespace=operator, single-tenant clusters).
    /// </summary>
    public Solvers.Http01.Http01SolverNamespace Http01SolverNamespace { get; init; } = Solvers.Http01.Http01SolverNamespace.Certificate;

    /// <summary>DNS suffix of Services (the ExternalName target of HTTP-01 solver Services).</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>Fetch the challenge URL through the cluster's ingress before telling the CA to validate.</summary>
    public bool Http01SelfCheck { get; init; } = true;

    /// <summary>Let the self-check connect to loopback and link-local addresses (single-machine tests); never in a cluster.</summary>
    public bool Http01SelfCheckAllowLoopback { get; init; }

    /// <summary>What namespaced Issuers may use (skipTLSVerify, private ACME servers, an allow-list); off by default.</summary>
    public Policies.NamespacedIssuerRestrictions NamespacedIssuers { get; init; } = Policies.NamespacedIssuerRestrictions.Off;

    public IReadOnlyList<string> Dns01RecursiveNameservers { get; init; } = [];

    public bool Dns01RecursiveNameserversOnly { get; init; }

    public TimeSpan Dns01PropagationTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Gateway API support (gateway-shim): auto (on when the API server serves Gateways; default), on (required), off.</summary>
    public Controllers.GatewayShim.GatewayApiMode GatewayApi { get; init; } = Controllers.GatewayShim.GatewayApiMode.Auto;

    /// <summary>
    /// With <see cref="GatewayApi"/> auto and no Gateway API at start-up: how often discovery is read again. When the
    /// CRDs appear the operator stops cleanly (exit code 0) so its restart turns the gateway-shim on.
    /// </summary>
    public TimeSpan GatewayApiRecheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Accept cert-manager.io/* and kubernetes.io/tls-acme Ingress annotations too.</summary>
    public bool CertManagerAnnotations { get; init; }

    /// <summary>Issuer used for Ingresses annotated kubernetes.io/tls-acme: "true" (cert-manager's --default-issuer-name); null: none.</summary>
    public string? DefaultIssuerName { get; init; }

    /// <summary>Kind of <see cref="DefaultIssuerName"/>: Issuer or ClusterIssuer.</summary>
    public string DefaultIssuerKind { get; init; } = "Issuer";

    /// <summary>Group of <see cref="DefaultIssuerName"/>; null means k8scert.io.</summary>
    public string? DefaultIssuerGroup { get; init; }

    /// <summary>
    /// Most new ACME orders per account per period (--acme-order-rate, e.g. 300/3h for Let's Encrypt); null: no limit.
    /// Orders beyond it wait (reason OrderRateLimited) instead of being sent to the CA.
    /// </summary>
    public Controllers.Orders.AcmeOrderRate? AcmeOrderRate { get; init; }

    /// <summary>Signer names the built-in CertificateRequest approver approves (--approve-signers); Off lets a policy engine decide.</summary>
    public Controllers.CertificateRequests.Approval.SignerPatterns ApproveSigners { get; init; } = Controllers.CertificateRequests.Approval.SignerPatterns.Default;

    /// <summary>Spread of renewals: each certificate renews up to this share of its renewBefore later (deterministically).</summary>
    public Policies.RenewalJitter RenewalJitter { get; init; } = Policies.RenewalJitter.Default;

    /// <summary>How long a not-Ready issuer waits before looking again on its own; null: 5 s doubling to 5 min.</summary>
    public Kube.ExponentialBackoff? IssuerNotReadyBackoff { get; init; }

    /// <summary>Which API to reconcile (--api-mode): our own k8scert.io (default) or cert-manager's cert-manager.io CRDs.</summary>
    public Api.ApiFlavor ApiMode { get; init; } = Api.ApiFlavor.K8sCert;

    /// <summary>
    /// cert-manager's leader-election Lease (--cert-manager-lease): in cert-manager mode the operator does not start
    /// while it is held. Null name: not checked.
    /// </summary>
    public string? CertManagerLeaseName { get; init; } = "cert-manager-controller";

    public string CertManagerLeaseNamespace { get; init; } = "kube-system";

    /// <summary>Unique name of this replica in the Lease; pod name in a cluster.</summary>
    public string Identity { get; init; } = Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName + "-" + Environment.ProcessId;
}

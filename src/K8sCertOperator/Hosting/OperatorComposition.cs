using k8s;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Solvers.Dns01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Hosting;

/// <summary>The production line-up: which controllers run and which services back them.</summary>
public static class OperatorComposition
{
    public static IReadOnlyList<IControllerRegistration> Controllers(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<IControllerRegistration> controllers =
        [
            new IssuerControllerRegistration(),
            new ClusterIssuerControllerRegistration(),
            new CertificateControllerRegistration(),
            new OrderControllerRegistration(),
            new ChallengeControllerRegistration(options.Http01SelfCheck),
            new IngressShimControllerRegistration(),
            new GatewayShimControllerRegistration(),
            new ListenerSetShimControllerRegistration(),
            new Controllers.Revocation.CertificateRevocationRegistration(),
            new CertificateRequestSignerRegistration(),
        ];
        if (!options.ApproveSigners.IsOff)
        {
            controllers.Add(new ApproverControllerRegistration(options.ApproveSigners));
        }

        return controllers;
    }

    // Declared before Services, which reads it.
    private static readonly AcmeClientOptions MeteredAcmeClients = new()
    {
        Http = new AcmeHttpOptions { RequestObserver = Observability.PrometheusAcmeRequestMetrics.Instance },
    };

    public static OperatorServices Services { get; } = new()
    {
        // ACME request metrics are recorded by whichever replica talks to the CA (the leader) and served by every replica.
        AcmeAccounts = (apis, informers, options, logs) => new AcmeAccountRegistry(apis, informers, options, logs, MeteredAcmeClients),
        DnsProviders = CreateDnsProviders,
        LeaderElection = (client, options, logs) => LeaseLeaderElection.Create(client, new LeaderElectionOptions
        {
            Enabled = options.LeaderElection,
            LeaseName = options.LeaseName,
            LeaseNamespace = options.Namespace,
            Identity = options.Identity,
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        }, logs.CreateLogger("LeaderElection")),
        EveryReplica =
        [
            context => Http01TokenSync.Attach(context.Informers.Challenges, context.Http01Tokens),
            context => Observability.CertificateMetrics.Attach(context.Informers.Certificates),
            context => Observability.IssuerMetrics.Attach(context.Informers.Issuers, context.Informers.ClusterIssuers),
            context => Observability.ChallengeMetrics.Attach(context.Informers.Challenges),
        ],
        AfterSync = [async (context, ct) => await ChallengeOrphanSweeper.SweepAsync(context, ct).ConfigureAwait(false)],
    };

    // DNS providers share one HttpClient; webhook solvers are reached through the API server
    // with the operator's own credentials, as cert-manager does.
    private static DnsProviderRegistry CreateDnsProviders(IKubernetes client) =>
        DnsProviderRegistry.CreateDefault(new DnsProviderDependencies(SharedHttp, WebhookSenderFor(client)));

    private static readonly HttpClient SharedHttp = DnsProviderHttp.CreateClient();

    // Built per request: compositions over a client that is not a real API connection only fail if a webhook is used.
    internal static Solvers.Dns01.Webhook.WebhookSender WebhookSenderFor(IKubernetes client) =>
        (request, ct) => new KubeTransport(client).SendAsync(request, ct);
}

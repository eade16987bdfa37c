using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Certificates;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging.Abstractions;
using ObjectKey = K8sCertOperator.Kube.ObjectKey;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Controllers.CertificateRequests;

/// <summary>
/// Runs the CertificateRequest controllers (the signer, and the built-in approver unless its signers are Off) against
/// a test API server, with the host's informer set. Issuers are made Ready by writing their status directly.
/// </summary>
internal sealed class CertificateRequestHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    private CertificateRequestHarness(KubeTestEnvironment env, OperatorContext context)
    {
        Env = env;
        Context = context;
    }

    public KubeTestEnvironment Env { get; }

    public OperatorContext Context { get; }

    public OperatorApis Apis => Context.Apis;

    public string Namespace => Env.Namespace;

    public static async Task<CertificateRequestHarness> StartAsync(KubeTestEnvironment env, SignerPatterns approveSigners, CancellationToken cancellationToken)
    {
        var options = new OperatorOptions { Namespace = env.Namespace, WatchNamespace = env.Namespace, LeaderElection = false, ApproveSigners = approveSigners };
        var (context, informers) = CertificateControllerHarness.NewContext(env, options, TimeProvider.System);
        var harness = new CertificateRequestHarness(env, context);
        IControllerRegistration[] registrations = approveSigners.IsOff
            ? [new CertificateRequestSignerRegistration()]
            : [new CertificateRequestSignerRegistration(), new ApproverControllerRegistration(approveSigners)];
        var controllers = registrations.Select(r =>
        {
            var queue = new WorkQueue<ObjectKey>(new WorkQueueOptions());
            return new Controller(new ControllerOptions { Name = r.Name, Workers = 1 }, queue, r.Build(context, queue), NullLogger.Instance);
        }).ToList();
        harness._running.Add(informers.RunAsync(harness._stop.Token));
        await informers.WaitForSyncAsync(cancellationToken);
        harness._running.AddRange(controllers.Select(c => c.RunAsync(harness._stop.Token)));
        return harness;
    }

    /// <summary>A Ready CA Issuer named <paramref name="name"/> whose Secret holds a fresh CA; returns the CA PEM.</summary>
    public async Task<string> CreateCaIssuerAsync(string name, CancellationToken cancellationToken)
    {
        using var caKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var ca = K8sCertOperator.Pki.SelfSignedIssuer.Issue(caKey, new CertificateTemplate { CommonName = "Request Test CA", IsCA = true }, TimeSpan.FromDays(30), DateTimeOffset.UtcNow.AddMinutes(-5));
        await Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name + "-key-pair", NamespaceProperty = Namespace },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.ASCII.GetBytes(ca.CertificatePem),
                ["tls.key"] = Encoding.ASCII.GetBytes(caKey.ExportPem(PrivateKeyEncoding.Pkcs8)),
            },
        }, cancellationToken);
        var issuer = await Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = name + "-key-pair" } },
        }, cancellationToken);
        issuer.Status = new IssuerStatus
        {
            Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.True, Reason = "Test", Message = "set by test", LastTransitionTime = DateTime.UtcNow }],
        };
        await Apis.Issuers.ReplaceStatusAsync(issuer, cancellationToken);
        return ca.CertificatePem;
    }

    /// <summary>Creates a request for <paramref name="dnsName"/> signed by a new key (returned) for the given issuer.</summary>
    public async Task<CertificateKey> CreateRequestAsync(string name, ObjectReference issuerRef, string dnsName, CancellationToken cancellationToken)
    {
        var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        await Apis.CertificateRequests.CreateAsync(new CertificateRequest
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new CertificateRequestSpec
            {
                Request = Encoding.ASCII.GetBytes(CsrBuilder.BuildPem(key, new CertificateTemplate { DnsNames = [dnsName] })),
                IssuerRef = issuerRef,
                Duration = "24h",
            },
        }, cancellationToken);
        return key;
    }

    /// <summary>Polls the API server until the request satisfies <paramref name="condition"/>.</summary>
    public Task<CertificateRequest> WaitForAsync(string name, Func<CertificateRequest, bool> condition, string because, CancellationToken cancellationToken) =>
        ApiPoll.UntilCancelledAsync(ct => Apis.CertificateRequests.GetAsync(Namespace, name, ct), condition, TimeSpan.FromMilliseconds(50),
            $"CertificateRequest {name}: {because}",
            last => "conditions: " + string.Join("; ", last?.Status?.Conditions?.Select(c => $"{c.Type}={c.Status} {c.Reason}: {c.Message}") ?? []),
            cancellationToken);

    public static bool Has(CertificateRequest r, string type, string status, string? reason = null) =>
        ConditionSet.Find(r.Status?.Conditions, type) is { } c && c.Status == status && (reason is null || c.Reason == reason);

    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(CancellationToken cancellationToken) =>
        (await CoreResourceApis.Events(Env.Client).ListAsync(Namespace, null, cancellationToken)).Items;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopping is best effort; the environment is torn down next.
        }

        _stop.Dispose();
    }
}

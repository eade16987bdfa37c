using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
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

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// Runs the Certificate controller with the CertificateRequest approver and signer against a test API server: the
/// host's informer set, a context with an adjustable clock, a work queue and a controller each. Issuers are made Ready by writing their status directly.
/// </summary>
internal sealed class CertificateControllerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    private CertificateControllerHarness(KubeTestEnvironment env, OperatorContext context, WorkQueue<ObjectKey> queue, CertificateReconciler reconciler, OffsetClock clock)
    {
        Env = env;
        Context = context;
        Queue = queue;
        Reconciler = reconciler;
        Clock = clock;
    }

    public KubeTestEnvironment Env { get; }

    public OperatorContext Context { get; }

    public OperatorApis Apis => Context.Apis;

    public WorkQueue<ObjectKey> Queue { get; }

    public CertificateReconciler Reconciler { get; }

    public OffsetClock Clock { get; }

    public string Namespace => Env.Namespace;

    public static Task<CertificateControllerHarness> StartAsync(KubeTestEnvironment env, CancellationToken cancellationToken, SignerPatterns? approveSigners = null) =>
        StartAsync(env, Policies.RenewalJitter.Default, cancellationToken, approveSigners);

    /// <summary>
    /// An operator context over the test API server without ACME accounts or DNS providers, and the informer set it
    /// reads (not yet running): what the controller harnesses share.
    /// </summary>
    public static (OperatorContext Context, InformerSet Informers) NewContext(KubeTestEnvironment env, OperatorOptions options, TimeProvider time)
    {
        var logs = NullLoggerFactory.Instance;
        var apis = new OperatorApis(env.Client);
        var informers = new InformerSet(apis, options, logs);
        var context = new OperatorContext
        {
            Client = env.Client,
            Options = options,
            LoggerFactory = logs,
            Time = time,
            Events = new EventRecorder(CoreResourceApis.Events(env.Client), NullLogger.Instance),
            StatusWriter = new StatusWriter(NullLogger.Instance),
            Apis = apis,
            Informers = informers.Informers,
            Http01Tokens = new Http01TokenStore(),
            DnsProviders = new DnsProviderRegistry(),
            AcmeAccounts = new NoAcmeAccounts(),
        };
        return (context, informers);
    }

    /// <summary>As <see cref="StartAsync(KubeTestEnvironment, CancellationToken, SignerPatterns?)"/> with the operator's renewal jitter set (None to check exact renewal times).</summary>
    public static async Task<CertificateControllerHarness> StartAsync(KubeTestEnvironment env, Policies.RenewalJitter renewalJitter, CancellationToken cancellationToken, SignerPatterns? approveSigners = null)
    {
        var options = new OperatorOptions { Namespace = env.Namespace, WatchNamespace = env.Namespace, LeaderElection = false, RenewalJitter = renewalJitter, ApproveSigners = approveSigners ?? SignerPatterns.Default };
        var clock = new OffsetClock();
        var (context, informers) = NewContext(env, options, clock);
        var queue = new WorkQueue<ObjectKey>(new WorkQueueOptions());
        var registration = new CertificateControllerRegistration();
        var reconciler = (CertificateReconciler)registration.Build(context, queue);
        List<Controller> controllers = [new Controller(new ControllerOptions { Name = registration.Name, Workers = 2 }, queue, reconciler, NullLogger.Instance)];
        // Every issuance goes through a CertificateRequest: the built-in approver and the signer run beside it.
        IControllerRegistration[] requestControllers =
        [
            new CertificateRequestSignerRegistration(),
            new ApproverControllerRegistration(approveSigners ?? SignerPatterns.Default),
        ];
        foreach (var extra in requestControllers.Where(r => r is not ApproverControllerRegistration || !(approveSigners?.IsOff ?? false)))
        {
            var extraQueue = new WorkQueue<ObjectKey>(new WorkQueueOptions());
            controllers.Add(new Controller(new ControllerOptions { Name = extra.Name, Workers = 2 }, extraQueue, extra.Build(context, extraQueue), NullLogger.Instance));
        }

        var harness = new CertificateControllerHarness(env, context, queue, reconciler, clock);
        harness._running.Add(informers.RunAsync(harness._stop.Token));
        await informers.WaitForSyncAsync(cancellationToken);
        harness._running.AddRange(controllers.Select(c => c.RunAsync(harness._stop.Token)));
        return harness;
    }

    public async Task<IGenericIssuer> CreateReadyIssuerAsync(string name, IssuerSpec spec, CancellationToken cancellationToken)
    {
        var issuer = await Apis.Issuers.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec }, cancellationToken);
        issuer.Status = new IssuerStatus
        {
            Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.True, Reason = "Test", Message = "set by test", LastTransitionTime = DateTime.UtcNow }],
        };
        return await Apis.Issuers.ReplaceStatusAsync(issuer, cancellationToken);
    }

    /// <summary>A fresh ECDSA CA (ten years, so it never cuts a leaf's duration short) in a kubernetes.io/tls Secret, as a CA Issuer reads it; returns the CA certificate PEM.</summary>
    public async Task<string> CreateCaKeyPairSecretAsync(string secretName, string commonName, CancellationToken cancellationToken)
    {
        using var caKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var ca = Pki.SelfSignedIssuer.Issue(caKey, new CertificateTemplate { CommonName = commonName, IsCA = true }, TimeSpan.FromDays(3650), DateTimeOffset.UtcNow.AddMinutes(-5));
        await Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = secretName, NamespaceProperty = Namespace },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = System.Text.Encoding.ASCII.GetBytes(ca.CertificatePem),
                ["tls.key"] = System.Text.Encoding.ASCII.GetBytes(caKey.ExportPem(PrivateKeyEncoding.Pkcs8)),
            },
        }, cancellationToken);
        return ca.CertificatePem;
    }

    /// <summary>A Certificate file of config/samples, unchanged but for its namespace (this test's), parsed to JSON.</summary>
    public JsonObject LoadSample(string file)
    {
        var sample = (JsonObject)TestSupport.YamlJson.Load(Path.Combine(RepositoryRoot.Find(), "config", "samples", file))!;
        sample["metadata"]!["namespace"] = Namespace;
        return sample;
    }

    /// <summary>Creates <paramref name="certificate"/> as raw JSON, so no field passes through the C# types; returns what the API server stored.</summary>
    public async Task<JsonObject> CreateRawCertificateAsync(JsonObject certificate, CancellationToken cancellationToken)
    {
        var created = await Env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(certificate, ApiGroups.Cert, "v1", Namespace, "certificates", cancellationToken: cancellationToken);
        return JsonNode.Parse(k8s.KubernetesJson.Serialize(created))!.AsObject();
    }

    public static Certificate NewCertificate(string ns, string name, string secretName, string issuer, params string[] dnsNames) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new CertificateSpec
        {
            SecretName = secretName,
            IssuerRef = new ObjectReference { Name = issuer, Kind = ApiGroups.IssuerKind, Group = ApiGroups.Cert },
            DnsNames = [.. dnsNames],
        },
    };

    /// <summary>Polls the API server until the Certificate satisfies <paramref name="condition"/>.</summary>
    public Task<Certificate> WaitForCertificateAsync(string name, Func<Certificate, bool> condition, string because, CancellationToken cancellationToken) =>
        ApiPoll.UntilCancelledAsync(ct => Apis.Certificates.GetAsync(Namespace, name, ct), condition, TimeSpan.FromMilliseconds(50),
            $"Certificate {name}: {because}",
            last => $"status revision={last?.Status?.Revision} conditions: "
                + string.Join("; ", last?.Status?.Conditions?.Select(c => $"{c.Type}={c.Status} {c.Reason}: {c.Message}") ?? []),
            cancellationToken);

    public Task<Certificate> WaitForReadyRevisionAsync(string name, int revision, CancellationToken cancellationToken) =>
        WaitForCertificateAsync(name, c => c.Status?.Revision == revision && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready),
            $"Ready at revision {revision}", cancellationToken);

    public static bool HasCondition(Certificate c, string type, string status, string reason) =>
        ConditionSet.Find(c.Status?.Conditions, type) is { } found && found.Status == status && found.Reason == reason;

    public void Poke(string name) => Queue.Add(new ObjectKey(Namespace, name));

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

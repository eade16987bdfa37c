using System.Diagnostics;
using System.Text;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.Bench;

/// <summary>The stand-in API server with a few namespaces, and the object shapes the cluster benchmarks create.</summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private BenchCluster(KubeTestEnvironment env, IReadOnlyList<string> namespaces)
    {
        Env = env;
        Namespaces = namespaces;
    }

    public KubeTestEnvironment Env { get; }

    public OperatorApis Apis => new(Env.Client);

    /// <summary>The operator's namespace (ClusterIssuer Secrets live here).</summary>
    public string OperatorNamespace => Env.Namespace;

    /// <summary>Where the benchmark's Certificates go, round-robin.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    public static async Task<BenchCluster> StartAsync(int namespaces, CancellationToken ct)
    {
        var env = await KubeTestEnvironment.StartAsync(ct);
        var names = new List<string>();
        for (var i = 0; i < namespaces; i++)
        {
            var name = $"{env.Namespace}-app{i}";
            await env.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: ct);
            names.Add(name);
        }
        return new BenchCluster(env, names);
    }

    public Task<ClusterIssuer> CreateAcmeClusterIssuerAsync(PebbleFixture pebble, CancellationToken ct) =>
        Apis.ClusterIssuers.CreateAsync(new ClusterIssuer
        {
            Metadata = new V1ObjectMeta { Name = "pebble" },
            Spec = new IssuerSpec
            {
                Acme = new Api.Acme.AcmeIssuer
                {
                    Server = pebble.DirectoryUrl.ToString(),
                    PrivateKeySecretRef = new SecretKeySelector { Name = "pebble-account" },
                    CaBundle = Encoding.UTF8.GetBytes(pebble.TlsCaPem),
                    Solvers = [new Api.Acme.AcmeChallengeSolver { Http01 = new Api.Acme.AcmeChallengeSolverHttp01 { Ingress = new Api.Acme.AcmeChallengeSolverHttp01Ingress { IngressClassName = "nginx" } } }],
                },
            },
        }, ct);

    public Task<ClusterIssuer> CreateSelfSignedClusterIssuerAsync(CancellationToken ct) =>
        Apis.ClusterIssuers.CreateAsync(new ClusterIssuer
        {
            Metadata = new V1ObjectMeta { Name = "self" },
            Spec = new IssuerSpec { SelfSigned = new Api.SelfSignedIssuer() },
        }, ct);

    public async Task WaitIssuerReadyAsync(string name, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var issuer = await Apis.ClusterIssuers.GetAsync(null, name, ct);
            if (ConditionSet.IsTrue(issuer?.Status?.Conditions, ConditionTypes.Ready))
            {
                return;
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"ClusterIssuer {name} not Ready");
    }

    /// <summary>Creates <paramref name="count"/> Certificates at once (16 requests in flight); returns name → when its create returned.</summary>
    public async Task<Dictionary<string, TimeSpan>> CreateCertificatesAsync(int count, string issuer, Stopwatch clock, CancellationToken ct, Action<CertificateSpec>? adjust = null)
    {
        var created = new Dictionary<string, TimeSpan>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            var ns = Namespaces[i % Namespaces.Count];
            var name = $"c{i:D5}";
            var spec = new CertificateSpec
            {
                SecretName = name + "-tls",
                DnsNames = [$"{name}.{ns}.example.com"],
                IssuerRef = new ObjectReference { Name = issuer, Kind = ApiGroups.ClusterIssuerKind, Group = ApiGroups.Cert },
                PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
            };
            adjust?.Invoke(spec);
            await Apis.Certificates.CreateAsync(new Certificate { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = spec }, token);
            lock (created)
            {
                created[ns + "/" + name] = clock.Elapsed;
            }
        });
        return created;
    }

    /// <summary>All Certificates in the benchmark namespaces.</summary>
    public async Task<List<Certificate>> ListCertificatesAsync(CancellationToken ct)
    {
        var all = new List<Certificate>();
        foreach (var ns in Namespaces)
        {
            all.AddRange((await Apis.Certificates.ListAsync(ns, null, ct)).Items);
        }
        return all;
    }

    public static bool IsReady(Certificate c, int revision) =>
        c.Status?.Revision >= revision
        && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready)
        && ConditionSet.Find(c.Status.Conditions, ConditionTypes.Issuing) is null;

    /// <summary>
    /// Polls until every Certificate is Ready at <paramref name="revision"/>, recording when each was first seen so
    /// and sampling the operator; returns key → time seen, or what was missing at the deadline.
    /// </summary>
    public async Task<Dictionary<string, TimeSpan>> WaitAllReadyAsync(int count, int revision, Stopwatch clock, OperatorProcess op, ResourceSampler sampler, TimeSpan timeout, CancellationToken ct)
    {
        var seen = new Dictionary<string, TimeSpan>();
        var deadline = clock.Elapsed + timeout;
        while (seen.Count < count && clock.Elapsed < deadline)
        {
            foreach (var c in await ListCertificatesAsync(ct))
            {
                var key = c.Metadata.NamespaceProperty + "/" + c.Metadata.Name;
                if (!seen.ContainsKey(key) && IsReady(c, revision))
                {
                    seen[key] = clock.Elapsed;
                }
            }
            sampler.Sample(op);
            await Task.Delay(500, ct);
        }
        if (seen.Count < count)
        {
            Console.WriteLine($"!! only {seen.Count}/{count} Ready at revision {revision} within {timeout}");
        }
        return seen;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var ns in Namespaces)
        {
            try
            {
                await Env.Client.CoreV1.DeleteNamespaceAsync(ns);
            }
            catch (Exception e) when (e is HttpRequestException or k8s.Autorest.HttpOperationException)
            {
                // The stand-in goes away with the environment anyway.
            }
        }
        await Env.DisposeAsync();
    }
}

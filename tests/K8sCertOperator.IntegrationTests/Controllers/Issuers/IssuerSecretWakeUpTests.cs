using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Solvers.Dns01;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>
/// Issuers wake when a Secret they reference is created or replaced, including Secrets the operator did not make and
/// that carry none of its labels. The not-Ready retry timer is an hour here, so only the wake-up can make them Ready
/// within the test; the measured latency is printed, never asserted.
/// </summary>
public sealed class IssuerSecretWakeUpTests(PebbleFixture pebble, ITestOutputHelper output) : IClassFixture<PebbleFixture>
{
    private static readonly ExponentialBackoff AnHour = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_CA_issuer_becomes_Ready_when_its_unlabelled_Secret_appears()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var host = await StartHostAsync(env, ct);
        var apis = new OperatorApis(env.Client);
        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new() { Name = "ca", NamespaceProperty = env.Namespace },
            Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = "root-ca" } },
        }, ct);
        var failed = await WaitIssuerAsync(apis, env.Namespace, "ca", c => c.Status == ConditionStatus.False, ct);
        Assert.Equal(ConditionReasons.ErrGetKeyPair, failed.Reason);
        // Let the reconcile echoed by that status write pass, so the Secret is not picked up by it.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        var clock = Stopwatch.StartNew();
        await apis.Secrets.CreateAsync(CaSecret(env.Namespace, "root-ca"), ct);
        var ready = await WaitIssuerAsync(apis, env.Namespace, "ca", c => c.Status == ConditionStatus.True, ct);

        output.WriteLine($"CA issuer Ready {clock.Elapsed.TotalMilliseconds:F0} ms after its Secret was created");
        Assert.Equal(ConditionReasons.KeyPairVerified, ready.Reason);
    }

    [SkippableFact]
    public async Task An_ACME_issuer_re_registers_when_its_account_key_Secret_is_replaced()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var host = await StartHostAsync(env, ct);
        var apis = new OperatorApis(env.Client);
        // The user's own account key, in a Secret without the operator's labels: only the metadata watch sees it change.
        using (var firstKey = JwsSigners.CreateEs256())
        {
            await apis.Secrets.CreateAsync(AccountKeySecret(env.Namespace, firstKey), ct);
        }
        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new() { Name = "acme", NamespaceProperty = env.Namespace },
            Spec = IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).KeySecret("account").Build(),
        }, ct);
        await WaitIssuerAsync(apis, env.Namespace, "acme", c => c.Status == ConditionStatus.True, ct);
        var first = (await apis.Issuers.GetAsync(env.Namespace, "acme", ct))!.Status!.Acme!;
        // Let the reconcile echoed by that status write pass, so it does not read the replaced key.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        // Replaced in place by another key. A Ready ACME issuer has no timer: only a wake-up can re-register it.
        var stored = (await apis.Secrets.GetAsync(env.Namespace, "account", ct))!;
        using var secondKey = JwsSigners.CreateEs256();
        stored.Data = AccountKeySecret(env.Namespace, secondKey).Data;
        var clock = Stopwatch.StartNew();
        await apis.Secrets.ReplaceAsync(stored, ct);
        var issuer = await WaitForAsync(
            async () => await apis.Issuers.GetAsync(env.Namespace, "acme", ct) is { } i
                && i.Status?.Acme?.LastPrivateKeyHash is { } hash && hash != first.LastPrivateKeyHash
                && ConditionSet.IsTrue(i.Status.Conditions, ConditionTypes.Ready) ? i : null,
            "the issuer registered with the new key", ct);

        output.WriteLine($"ACME issuer re-registered {clock.Elapsed.TotalMilliseconds:F0} ms after its account key Secret was replaced");
        Assert.NotEqual(first.Uri, issuer.Status!.Acme!.Uri);
    }

    private static Task<OperatorHost> StartHostAsync(KubeTestEnvironment env, CancellationToken ct)
    {
        var options = new OperatorOptions
        {
            Namespace = env.Namespace,
            WatchNamespace = env.Namespace,
            LeaderElection = false,
            Http01Listen = "",
            MetricsListen = "",
            HealthListen = "",
            Workers = 2,
            IssuerNotReadyBackoff = AnHour,
        };
        var services = new OperatorServices
        {
            AcmeAccounts = (apis, informers, o, logs) => new AcmeAccountRegistry(apis, informers, o, logs),
            DnsProviders = _ => new DnsProviderRegistry(),
            LeaderElection = (_, _, _) => new AlwaysLeader(),
        };
        IControllerRegistration[] controllers = [new IssuerControllerRegistration(), new ClusterIssuerControllerRegistration()];
        return OperatorHost.StartAsync(options, env.Client, controllers, services, NullLoggerFactory.Instance, ct);
    }

    private static Task<Condition> WaitIssuerAsync(OperatorApis apis, string ns, string name, Func<Condition, bool> done, CancellationToken ct) =>
        WaitForAsync(
            async () => ConditionSet.Find((await apis.Issuers.GetAsync(ns, name, ct))?.Status?.Conditions, ConditionTypes.Ready) is { } c && done(c) ? c : null,
            $"Issuer {name}'s Ready condition", ct);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read, string what, CancellationToken ct)
        where T : class
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        try
        {
            while (true)
            {
                if (await read() is { } value)
                {
                    return value;
                }
                await Task.Delay(20, patience.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"waited {Patience.TotalSeconds:F0} s for {what}");
        }
    }

    private static V1Secret AccountKeySecret(string ns, IJwsSigner key) => new()
    {
        Metadata = new V1ObjectMeta { Name = "account", NamespaceProperty = ns },
        Type = "Opaque",
        Data = new Dictionary<string, byte[]> { ["tls.key"] = Encoding.ASCII.GetBytes(key.ExportPrivateKeyPem()) },
    };

    private static V1Secret CaSecret(string ns, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=wake-up test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        return new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.ASCII.GetBytes(ca.ExportCertificatePem()),
                ["tls.key"] = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()),
            },
        };
    }
}

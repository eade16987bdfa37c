using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.IntegrationTests.StandIn;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// The operator process against an API server as a cluster presents it: HTTPS with a private CA from the
/// kubeconfig and a bearer token that every request must carry (the stand-in answers 401 without it). Under
/// test.sh this is the native executable, whose REST layer rides on KubernetesClient's TLS and credentials.
/// </summary>
public sealed class OperatorProcessTlsTests(ITestOutputHelper output)
{
    private const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";
    private const string InClusterVariable = "K8SCERT_TEST_INCLUSTER";

    [SkippableFact]
    public Task OperatorIssuesOverHttpsWithABearerToken() =>
        IssueOverTlsAsync((env, monitoring, _, _) => OperatorProcess.Start(env.KubeconfigPath, env.Namespace, "127.0.0.1:0", monitoring));

    /// <summary>
    /// The image's own path: no kubeconfig, the pod's service account token and CA files and KUBERNETES_SERVICE_HOST/PORT.
    /// Opt-in, because it writes the well-known service account directory of the machine it runs on.
    /// </summary>
    [SkippableFact]
    public async Task OperatorIssuesWithTheInClusterServiceAccount()
    {
        Skip.If(Environment.GetEnvironmentVariable(InClusterVariable) != "1",
            $"{InClusterVariable}=1 not set: this test writes {ServiceAccountDirectory} (run it on a disposable machine)");
        Skip.If(Directory.Exists(ServiceAccountDirectory), $"{ServiceAccountDirectory} already exists (a real pod?); not touching it");
        // Remove exactly what we create: the top-most missing directory on the way down.
        var created = ServiceAccountDirectory;
        for (var parent = Path.GetDirectoryName(created); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
        {
            created = parent;
        }
        try
        {
            await IssueOverTlsAsync((env, monitoring, ca, token) =>
            {
                Directory.CreateDirectory(ServiceAccountDirectory);
                File.WriteAllText(Path.Combine(ServiceAccountDirectory, "token"), token);
                File.WriteAllText(Path.Combine(ServiceAccountDirectory, "ca.crt"), ca.ExportCertificatePem());
                File.WriteAllText(Path.Combine(ServiceAccountDirectory, "namespace"), env.Namespace);
                var port = new Uri(env.Server!.Host).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return OperatorProcess.StartInCluster(
                    new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1", ["KUBERNETES_SERVICE_PORT"] = port, ["KUBECONFIG"] = "" },
                    env.Namespace, "127.0.0.1:0", monitoring);
            });
        }
        finally
        {
            if (Directory.Exists(created))
            {
                Directory.Delete(created, recursive: true);
            }
        }
    }

    private async Task IssueOverTlsAsync(Func<KubeTestEnvironment, int, X509Certificate2, string, ExternalProcess> start)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa(caKey);
        using var serverCertificate = CreateServerCertificate(ca, caKey);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using var env = await KubeTestEnvironment.StartAsync(output,
            new StandInOptions { ServerCertificate = serverCertificate, CaCertificate = ca, BearerToken = token }, ct);
        Skip.If(env.Server is null, "runs on the stand-in tier only (a real cluster brings its own TLS and credentials)");
        using (var anonymous = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(env.Server!.Host + "/api/v1/namespaces", ct)).StatusCode);
        }

        var monitoring = FreePort.Next();
        output.WriteLine($"operator: {OperatorProcess.Binary()}");
        await using var process = start(env, monitoring, ca, token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{monitoring}"), Timeout = TimeSpan.FromSeconds(5) };
        var apis = new OperatorApis(env.Client);
        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "self", NamespaceProperty = env.Namespace },
            Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() },
        }, ct);
        await apis.Certificates.CreateAsync(TestCertificates.New(env.Namespace, "tls", "self", ["tls.example.com"]), ct);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!ConditionSet.IsTrue((await apis.Certificates.GetAsync(env.Namespace, "tls", ct))?.Status?.Conditions, ConditionTypes.Ready))
        {
            Assert.False(process.HasExited, "operator exited:\n" + process.Output);
            Assert.True(DateTime.UtcNow < deadline, "Certificate never Ready:\n" + process.Output);
            await Task.Delay(200, ct);
        }
        Assert.Equal("kubernetes.io/tls", (await apis.Secrets.GetAsync(env.Namespace, "tls-tls", ct))!.Type);
        Assert.Equal("leader", await http.GetStringAsync("/leader", ct));
        Assert.DoesNotContain(token, process.Output, StringComparison.Ordinal);
    }

    private static X509Certificate2 CreateCa(ECDsa key)
    {
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=stand-in test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    private static X509Certificate2 CreateServerCertificate(X509Certificate2 ca, ECDsa caKey)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey),
            DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        // Kestrel on Linux wants a certificate whose key it can hand to OpenSSL: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}

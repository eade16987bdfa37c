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
    [SkippableFact]
    public async Task OperatorIssuesOverHttpsWithABearerToken()
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
        await using var process = OperatorProcess.Start(env.KubeconfigPath, env.Namespace, "127.0.0.1:0", monitoring);
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
        var request = new CertificateRequest("CN=stand-in test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    private static X509Certificate2 CreateServerCertificate(X509Certificate2 ca, ECDsa caKey)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
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

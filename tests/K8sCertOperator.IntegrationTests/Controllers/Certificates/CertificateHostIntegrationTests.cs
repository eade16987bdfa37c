using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// The Certificate and Issuer registrations inside the real host, cert-manager's CA bootstrap: a SelfSigned
/// Issuer signs a CA Certificate, a CA Issuer uses its Secret, and a leaf Certificate is signed by that CA.
/// </summary>
public sealed class CertificateHostIntegrationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SelfSignedCaBootstrapIssuesALeafThroughTheHost()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var options = new OperatorOptions
        {
            Namespace = env.Namespace,
            WatchNamespace = env.Namespace,
            LeaderElection = false,
            Http01Listen = "",
            MetricsListen = "",
            HealthListen = "",
            Workers = 2,
        };
        await using var host = await NonAcmeOperatorHost.StartAsync(env, options, null, ct);
        var apis = new OperatorApis(env.Client);

        await apis.Issuers.CreateAsync(new Issuer { Metadata = new() { Name = "bootstrap", NamespaceProperty = env.Namespace }, Spec = new IssuerSpec { SelfSigned = new K8sCertOperator.Api.SelfSignedIssuer() } }, ct);
        var caCertificate = CertificateControllerHarness.NewCertificate(env.Namespace, "root-ca", "root-ca-tls", "bootstrap");
        caCertificate.Spec.CommonName = "Bootstrap Root CA";
        caCertificate.Spec.IsCA = true;
        caCertificate.Spec.PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa };
        await apis.Certificates.CreateAsync(caCertificate, ct);
        await WaitReadyAsync(apis, env.Namespace, "root-ca", ct);

        await apis.Issuers.CreateAsync(new Issuer { Metadata = new() { Name = "ca", NamespaceProperty = env.Namespace }, Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = "root-ca-tls" } } }, ct);
        await apis.Certificates.CreateAsync(CertificateControllerHarness.NewCertificate(env.Namespace, "app", "app-tls", "ca", "app.example"), ct);
        await WaitReadyAsync(apis, env.Namespace, "app", ct);

        var caSecret = await apis.Secrets.GetAsync(env.Namespace, "root-ca-tls", ct);
        var appSecret = await apis.Secrets.GetAsync(env.Namespace, "app-tls", ct);
        var leaf = SecretAssert.ValidTls(appSecret, "app", "app.example");
        Assert.Equal("Bootstrap Root CA", leaf.IssuerCommonName);
        Assert.Equal(Encoding.ASCII.GetString(caSecret!.Data["tls.crt"]).Trim(), Encoding.ASCII.GetString(appSecret!.Data["ca.crt"]).Trim());
        using var root = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(caSecret.Data["tls.crt"]))[0];
        using var leafCert = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(appSecret.Data["tls.crt"]))[0];
        var verified = ChainVerifier.Verify(leafCert, [], [root]);
        Assert.True(verified.Ok, verified.Error);
    }

    private static async Task WaitReadyAsync(OperatorApis apis, string ns, string name, CancellationToken ct)
    {
        while (true)
        {
            var c = await apis.Certificates.GetAsync(ns, name, ct);
            if (c?.Status?.Revision >= 1 && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready))
            {
                return;
            }

            await Task.Delay(100, ct);
        }
    }
}

using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>The Certificate controller with a CA Issuer: the leaf is signed by the CA in the issuer's Secret.</summary>
public class CaCertificateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task IssuesALeafSignedByTheCa()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);

        var caPem = await h.CreateCaKeyPairSecretAsync("ca-key-pair", "Test CA", ct);
        await h.CreateReadyIssuerAsync("ca", new IssuerSpec { Ca = new CaIssuer { SecretName = "ca-key-pair" } }, ct);
        var certificate = NewCertificate(h.Namespace, "svc", "svc-tls", "ca", "svc.example");
        certificate.Spec.IpAddresses = ["10.1.2.3"];
        await h.Apis.Certificates.CreateAsync(certificate, ct);

        await h.WaitForReadyRevisionAsync("svc", 1, ct);
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "svc-tls", ct);
        var info = SecretAssert.ValidTls(secret, "svc", "svc.example");
        Assert.Equal("Test CA", info.IssuerCommonName);
        Assert.Equal(["10.1.2.3"], info.SubjectAltNames.IpAddresses);
        Assert.Equal("10.1.2.3", secret!.Metadata.Annotations[AnnotationKeys.IpSans]);
        Assert.Equal(caPem.Trim(), Encoding.ASCII.GetString(secret.Data["ca.crt"]).Trim());

        using var root = PemCodec.DecodeCertificates(caPem)[0];
        using var leaf = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(secret.Data["tls.crt"]))[0];
        Assert.Equal(root.SubjectName.Name, leaf.IssuerName.Name);
        var verified = ChainVerifier.Verify(leaf, [], [root]);
        Assert.True(verified.Ok, verified.Error);
    }
}

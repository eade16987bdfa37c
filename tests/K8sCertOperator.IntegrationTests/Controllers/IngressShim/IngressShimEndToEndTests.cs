using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.EndToEnd;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.IngressShim;

/// <summary>The composed operator: an annotated Ingress becomes a Certificate and a Ready TLS Secret from real Pebble.</summary>
public sealed class IngressShimEndToEndTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AnnotatedIngressEndsWithAReadySecretFromPebble()
    {
        var missing = OperatorEndToEndHarness.MissingReason();
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorEndToEndHarness.StartAsync(output, null, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);

        var ingress = await h.Apis.Ingresses.CreateAsync(new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta
            {
                Name = "storefront",
                NamespaceProperty = h.Namespace,
                Annotations = new Dictionary<string, string>
                {
                    [AnnotationKeys.IngressIssuer] = "pebble",
                    [AnnotationKeys.IngressPrivateKeyAlgorithm] = PrivateKeyAlgorithms.Ecdsa,
                },
            },
            Spec = new V1IngressSpec
            {
                IngressClassName = "nginx",
                Rules = [new V1IngressRule { Host = "store.example.com" }, new V1IngressRule { Host = "www.store.example.com" }],
                Tls = [new V1IngressTLS { SecretName = "storefront-tls", Hosts = ["store.example.com", "www.store.example.com"] }],
            },
        }, ct);

        var ready = await h.WaitForAsync(
            c => h.Apis.Certificates.GetAsync(h.Namespace, "storefront-tls", c),
            c => c.Status?.Revision >= 1 && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready),
            TimeSpan.FromSeconds(120), "Certificate storefront-tls Ready", ct);
        Assert.Equal(ingress.Metadata.Uid, Assert.Single(ready.Metadata.OwnerReferences).Uid);

        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "storefront-tls", ct);
        Assert.NotNull(secret);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var chain = PemCodec.DecodeCertificates(Encoding.UTF8.GetString(secret.Data["tls.crt"]));
        using var key = PemCodec.DecodePrivateKey(Encoding.UTF8.GetString(secret.Data["tls.key"]));
        Assert.True(key.PublicKeyMatches(chain[0]), "tls.key does not match tls.crt");
        Assert.Equal(["store.example.com", "www.store.example.com"], CertificateInfo.FromCertificate(chain[0]).SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        var verdict = ChainVerifier.Verify(chain[0], chain.Skip(1), [await h.Pebble.GetRootAsync(0, ct)]);
        Assert.True(verdict.Ok, verdict.Error);

        // The Ingress goes: its Certificate goes with it.
        await h.Apis.Ingresses.DeleteAsync(h.Namespace, "storefront", ct);
        await h.WaitForAsync(
            async c => await h.Apis.Certificates.GetAsync(h.Namespace, "storefront-tls", c) is null ? "gone" : null,
            _ => true, TimeSpan.FromSeconds(60), "Certificate storefront-tls deleted", ct);
    }
}

using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.Pki;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Shims.ShimHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// ingress-shim and gateway-shim in --api-mode cert-manager, on cert-manager's own CRDs (and the Gateway API's): an
/// Ingress and a Gateway annotated as cert-manager's users annotate them (cert-manager.io/cluster-issuer, written
/// as plain JSON, nothing renamed) get cert-manager.io/v1 Certificates owned by them, with cert-manager's labels,
/// usages and annotations; those become Ready from a CA ClusterIssuer, and their Secrets carry cert-manager's keys.
/// </summary>
public sealed class CertManagerShimTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> OwnerLabels = new() { ["app"] = "web", ["applyset.kubernetes.io/part-of"] = "applyset-web-v1" };

    [SkippableFact]
    public async Task AnIngressWithCertManagersClusterIssuerAnnotationGetsACertManagerCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env), null, ct, [new IngressShimControllerRegistration()]);
        var issuer = await CaClusterIssuerAsync(env, ct);
        try
        {
            var raw = new OperatorApis(env.Client);
            var ingress = NewIngress(env.Namespace, "web", new Dictionary<string, string>
            {
                ["cert-manager.io/cluster-issuer"] = issuer,
                ["cert-manager.io/common-name"] = "web.example.com",
                ["cert-manager.io/subject-organizations"] = "\"Example, Inc.\"",
                ["acme.cert-manager.io/http01-ingress-class"] = "public",
            }, [("web-tls", ["web.example.com", "www.example.com"])]);
            ingress.Metadata.Labels = new Dictionary<string, string>(OwnerLabels);
            ingress = await raw.AnnotatedIngresses.CreateAsync(ingress, ct);

            var certificate = await AssertCertManagerCertificateAsync(env, "web-tls", issuer, ["web.example.com", "www.example.com"], ct);
            AssertOwner(certificate, "networking.k8s.io/v1", "Ingress", ingress.Metadata);
            Assert.Equal("web.example.com", (string?)certificate["spec"]!["commonName"]);
            Assert.Equal(["Example, Inc."], (certificate["spec"]!["subject"]!["organizations"] as JsonArray ?? []).Select(o => (string?)o));
            Assert.Equal("public", (string?)certificate["metadata"]!["annotations"]!["acme.cert-manager.io/http01-override-ingress-class"]);
            using var leaf = await AssertCertManagerSecretAsync(env, "web-tls", issuer, "web.example.com,www.example.com", ct);
            Assert.Contains("Example, Inc.", leaf.SubjectName.EnumerateRelativeDistinguishedNames().Select(n => n.GetSingleElementValue()));
        }
        finally
        {
            await DeleteClusterIssuerAsync(env, issuer);
        }
    }

    [SkippableFact]
    public async Task AGatewayWithCertManagersClusterIssuerAnnotationGetsACertManagerCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        // Before the operator starts: it discovers the Gateway API once, at start-up.
        await GatewayApiCrds.InstallMissingAsync(env, output, ct);
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env), null, ct, [new GatewayShimControllerRegistration()]);
        Assert.NotNull(host.Context.Informers.Gateways);
        var issuer = await CaClusterIssuerAsync(env, ct);
        try
        {
            var gateway = NewGateway(env.Namespace, "edge", new Dictionary<string, string> { ["cert-manager.io/cluster-issuer"] = issuer },
                HttpsListener("shop", "shop.example.com", "edge-tls"), HttpsListener("www", "www.shop.example.com", "edge-tls"));
            gateway.Metadata.Labels = new Dictionary<string, string>(OwnerLabels);
            gateway = await new OperatorApis(env.Client).Gateways.CreateAsync(gateway, ct);

            var certificate = await AssertCertManagerCertificateAsync(env, "edge-tls", issuer, ["shop.example.com", "www.shop.example.com"], ct);
            AssertOwner(certificate, "gateway.networking.k8s.io/v1", "Gateway", gateway.Metadata);
            (await AssertCertManagerSecretAsync(env, "edge-tls", issuer, "shop.example.com,www.shop.example.com", ct)).Dispose();
        }
        finally
        {
            await DeleteClusterIssuerAsync(env, issuer);
        }
    }

    /// <summary>
    /// A CA ClusterIssuer (named after the namespace: cluster-scoped names are shared on a real cluster) whose root a
    /// SelfSigned Issuer signs, in the operator namespace where ClusterIssuers' Secrets live. Returns its name.
    /// </summary>
    private static async Task<string> CaClusterIssuerAsync(KubeTestEnvironment env, CancellationToken ct)
    {
        var cm = new CertManagerObjects(env.Client, env.Namespace);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("bootstrap", "Issuer", new JsonObject { ["selfSigned"] = new JsonObject() }), ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("root-ca", "Certificate", new JsonObject
        {
            ["secretName"] = "root-ca-tls",
            ["commonName"] = "Shim Root CA",
            ["isCA"] = true,
            ["privateKey"] = new JsonObject { ["algorithm"] = "ECDSA" },
            ["issuerRef"] = CertManagerObjects.IssuerRef("bootstrap"),
        }), ct);
        await cm.WaitConditionAsync("certificates", "root-ca", ConditionTypes.Ready, ct);
        var name = env.Namespace + "-ca";
        await cm.CreateClusterAsync("clusterissuers", CertManagerObjects.Named(name, ApiGroups.ClusterIssuerKind, new JsonObject { ["ca"] = new JsonObject { ["secretName"] = "root-ca-tls" } }), ct);
        return name;
    }

    private static Task DeleteClusterIssuerAsync(KubeTestEnvironment env, string name) =>
        env.Client.CustomObjects.DeleteClusterCustomObjectAsync(CertManagerObjects.Group, "v1", "clusterissuers", name, cancellationToken: CancellationToken.None);

    /// <summary>Waits for the Certificate to be Ready; checks what cert-manager's shims put on it; returns it.</summary>
    private static async Task<JsonObject> AssertCertManagerCertificateAsync(KubeTestEnvironment env, string name, string issuer, string[] dnsNames, CancellationToken ct)
    {
        var certificate = await new CertManagerObjects(env.Client, env.Namespace).WaitConditionAsync("certificates", name, ConditionTypes.Ready, ct);
        Assert.Equal("cert-manager.io/v1", (string?)certificate["apiVersion"]);
        var spec = certificate["spec"]!;
        Assert.Equal(name, (string?)spec["secretName"]);
        Assert.Equal(dnsNames, (spec["dnsNames"] as JsonArray ?? []).Select(n => (string?)n));
        Assert.Equal((issuer, ApiGroups.ClusterIssuerKind, "cert-manager.io"), ((string?)spec["issuerRef"]!["name"], (string?)spec["issuerRef"]!["kind"], (string?)spec["issuerRef"]!["group"]));
        Assert.Equal(["digital signature", "key encipherment"], (spec["usages"] as JsonArray ?? []).Select(u => (string?)u));
        // The owner's labels, without kubectl's ApplySet membership (cert-manager issue 7306).
        var labels = certificate["metadata"]!["labels"]!.AsObject();
        Assert.Equal(["app=web"], labels.Select(kv => $"{kv.Key}={(string?)kv.Value}"));
        Assert.DoesNotContain("k8scert.io", certificate["metadata"]!.ToJsonString(), StringComparison.Ordinal);
        return certificate;
    }

    private static void AssertOwner(JsonObject certificate, string apiVersion, string kind, V1ObjectMeta owner)
    {
        var reference = Assert.Single((certificate["metadata"]!["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>());
        Assert.Equal((apiVersion, kind, owner.Name, owner.Uid, true),
            ((string?)reference["apiVersion"], (string?)reference["kind"], (string?)reference["name"], (string?)reference["uid"], (bool?)reference["controller"]));
    }

    /// <summary>The Secret, read as it is on the wire: cert-manager's annotation keys, and a leaf the CA root verifies; returns the leaf.</summary>
    private static async Task<X509Certificate2> AssertCertManagerSecretAsync(KubeTestEnvironment env, string name, string issuer, string altNames, CancellationToken ct)
    {
        var secrets = new OperatorApis(env.Client).Secrets;
        var secret = await secrets.GetAsync(env.Namespace, name, ct);
        var annotations = secret!.Metadata.Annotations;
        Assert.Equal(name, annotations["cert-manager.io/certificate-name"]);
        Assert.Equal(issuer, annotations["cert-manager.io/issuer-name"]);
        Assert.Equal(ApiGroups.ClusterIssuerKind, annotations["cert-manager.io/issuer-kind"]);
        Assert.Equal("cert-manager.io", annotations["cert-manager.io/issuer-group"]);
        Assert.Equal(altNames, annotations["cert-manager.io/alt-names"]);
        Assert.DoesNotContain(annotations.Keys, k => k.Contains("k8scert.io", StringComparison.Ordinal));
        Assert.DoesNotContain((secret.Metadata.Labels ?? new Dictionary<string, string>()).Keys, k => k.Contains("k8scert.io", StringComparison.Ordinal));

        var root = await secrets.GetAsync(env.Namespace, "root-ca-tls", ct);
        using var rootCertificate = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(root!.Data["tls.crt"]))[0];
        var leaf = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(secret.Data["tls.crt"]))[0];
        var verified = ChainVerifier.Verify(leaf, [], [rootCertificate]);
        Assert.True(verified.Ok, verified.Error);
        return leaf;
    }
}

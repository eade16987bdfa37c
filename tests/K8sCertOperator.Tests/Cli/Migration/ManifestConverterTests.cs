using System.Text.Json.Nodes;
using K8sCertOperator.Cli.Migration;

namespace K8sCertOperator.Tests.Cli.Migration;

/// <summary>Table of manifests in one spelling and what each becomes in the other.</summary>
public sealed class ManifestConverterTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        // Every kind of both groups changes its apiVersion.
        { "Certificate", """{"apiVersion":"cert-manager.io/v1","kind":"Certificate","spec":{"secretName":"s"}}""", """{"apiVersion":"k8scert.io/v1","kind":"Certificate","spec":{"secretName":"s"}}""" },
        { "Issuer", """{"apiVersion":"cert-manager.io/v1","kind":"Issuer","spec":{"selfSigned":{}}}""", """{"apiVersion":"k8scert.io/v1","kind":"Issuer","spec":{"selfSigned":{}}}""" },
        { "ClusterIssuer", """{"apiVersion":"cert-manager.io/v1","kind":"ClusterIssuer","spec":{"ca":{"secretName":"ca"}}}""", """{"apiVersion":"k8scert.io/v1","kind":"ClusterIssuer","spec":{"ca":{"secretName":"ca"}}}""" },
        { "CertificateRequest", """{"apiVersion":"cert-manager.io/v1","kind":"CertificateRequest","spec":{"request":"LS0t","issuerRef":{"name":"ca","group":"cert-manager.io"}}}""",
          """{"apiVersion":"k8scert.io/v1","kind":"CertificateRequest","spec":{"request":"LS0t","issuerRef":{"name":"ca","group":"k8scert.io"}}}""" },
        { "Order", """{"apiVersion":"acme.cert-manager.io/v1","kind":"Order","metadata":{"ownerReferences":[{"apiVersion":"cert-manager.io/v1","kind":"CertificateRequest","name":"r"}]},"spec":{"issuerRef":{"name":"le","kind":"ClusterIssuer","group":"cert-manager.io"}}}""",
          """{"apiVersion":"acme.k8scert.io/v1","kind":"Order","metadata":{"ownerReferences":[{"apiVersion":"k8scert.io/v1","kind":"CertificateRequest","name":"r"}]},"spec":{"issuerRef":{"name":"le","kind":"ClusterIssuer","group":"k8scert.io"}}}""" },
        { "Challenge", """{"apiVersion":"acme.cert-manager.io/v1","kind":"Challenge","metadata":{"finalizers":["finalizer.acme.cert-manager.io","example.com/keep"]},"spec":{"type":"HTTP-01"}}""",
          """{"apiVersion":"acme.k8scert.io/v1","kind":"Challenge","metadata":{"finalizers":["acme.k8scert.io/finalizer","example.com/keep"]},"spec":{"type":"HTTP-01"}}""" },
        // Other kinds keep their apiVersion; their annotation keys change, other keys and all values stay.
        { "Ingress", """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"annotations":{"cert-manager.io/cluster-issuer":"cert-manager.io","acme.cert-manager.io/http01-edit-in-place":"true","nginx.ingress.kubernetes.io/x":"1"}}}""",
          """{"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"annotations":{"k8scert.io/cluster-issuer":"cert-manager.io","acme.k8scert.io/http01-edit-in-place":"true","nginx.ingress.kubernetes.io/x":"1"}}}""" },
        { "Gateway", """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"annotations":{"cert-manager.io/issuer":"ca"}},"spec":{"gatewayClassName":"cert-manager.io"}}""",
          """{"apiVersion":"gateway.networking.k8s.io/v1","kind":"Gateway","metadata":{"annotations":{"k8scert.io/issuer":"ca"}},"spec":{"gatewayClassName":"cert-manager.io"}}""" },
        // A Secret written by cert-manager: keys and the issuer-group value (it names the group) change, data stays.
        { "Secret", """{"apiVersion":"v1","kind":"Secret","metadata":{"annotations":{"cert-manager.io/issuer-group":"cert-manager.io","cert-manager.io/issuer-name":"ca","example.com/issuer-group":"cert-manager.io"},"labels":{"controller.cert-manager.io/fao":"true"}},"data":{"tls.crt":"Y2VydC1tYW5hZ2VyLmlvLw=="}}""",
          """{"apiVersion":"v1","kind":"Secret","metadata":{"annotations":{"k8scert.io/issuer-group":"k8scert.io","k8scert.io/issuer-name":"ca","example.com/issuer-group":"cert-manager.io"},"labels":{"controller.k8scert.io/fao":"true"}},"data":{"tls.crt":"Y2VydC1tYW5hZ2VyLmlvLw=="}}""" },
        // Annotations and labels nested in templates change too; an external issuer's group does not.
        { "Templates", """{"apiVersion":"cert-manager.io/v1","kind":"Certificate","spec":{"secretTemplate":{"annotations":{"cert-manager.io/allow-direct-injection":"true"}},"issuerRef":{"name":"pca","group":"awspca.cert-manager.io"}}}""",
          """{"apiVersion":"k8scert.io/v1","kind":"Certificate","spec":{"secretTemplate":{"annotations":{"k8scert.io/allow-direct-injection":"true"}},"issuerRef":{"name":"pca","group":"awspca.cert-manager.io"}}}""" },
        // A kind: List converts item by item.
        { "List", """{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"cert-manager.io/v1","kind":"Issuer"}]}""", """{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"k8scert.io/v1","kind":"Issuer"}]}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConvertsCertManagerToK8sCertAndBack(string name, string certManager, string k8sCert)
    {
        var cm = JsonNode.Parse(certManager)!.AsObject();
        var ours = JsonNode.Parse(k8sCert)!.AsObject();

        var converted = ManifestConverter.Convert(cm, ManifestApi.K8sCert);

        Assert.True(JsonNode.DeepEquals(ours, converted), $"{name}: {converted.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(certManager), cm), $"{name}: the input was modified");
        // Back again: everything returns except what has one spelling on our side for two on theirs (the legacy finalizer).
        var back = ManifestConverter.Convert(converted, ManifestApi.CertManager);
        Assert.True(JsonNode.DeepEquals(ManifestConverter.Convert(back, ManifestApi.K8sCert), converted), $"{name}: {back.ToJsonString()}");
        if (name != "Challenge")
        {
            Assert.True(JsonNode.DeepEquals(cm, back), $"{name}: {back.ToJsonString()}");
        }
    }

    [Fact]
    public void KeepsTheOrderOfKeys()
    {
        var cm = JsonNode.Parse("""{"kind":"Ingress","metadata":{"annotations":{"z":"1","cert-manager.io/issuer":"x","a":"2"}},"apiVersion":"networking.k8s.io/v1"}""")!.AsObject();

        var converted = ManifestConverter.Convert(cm, ManifestApi.K8sCert);

        Assert.Equal("""{"kind":"Ingress","metadata":{"annotations":{"z":"1","k8scert.io/issuer":"x","a":"2"}},"apiVersion":"networking.k8s.io/v1"}""", converted.ToJsonString());
    }
}

using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Tests.Kube.Client;

public sealed class WireNamesTests
{
    private readonly WireNames _wire = WireNames.For(ApiFlavor.CertManager)!;

    [Fact]
    public void NativeFlavorNeedsNoRenaming() => Assert.Null(WireNames.For(ApiFlavor.K8sCert));

    [Fact]
    public void WritesApiVersionMetadataKeysOwnersAndGroupValuesInWireNames()
    {
        var json = """
            {"apiVersion":"k8scert.io/v1","kind":"CertificateRequest",
             "metadata":{"name":"r","annotations":{"k8scert.io/issuer-group":"k8scert.io","k8scert.io/issuer-name":"k8scert.io-ca","other/x":"k8scert.io"},
               "labels":{"acme.k8scert.io/http01-solver":"true","app":"web"},
               "finalizers":["acme.k8scert.io/finalizer","kubernetes"],
               "ownerReferences":[{"apiVersion":"k8scert.io/v1","kind":"Certificate","name":"c","uid":"u"}]},
             "spec":{"issuerRef":{"group":"k8scert.io"}}}
            """;

        var written = JsonNode.Parse(_wire.Write(json))!;

        Assert.Equal("cert-manager.io/v1", (string?)written["apiVersion"]);
        var annotations = written["metadata"]!["annotations"]!.AsObject();
        Assert.Equal("cert-manager.io", (string?)annotations["cert-manager.io/issuer-group"]);
        Assert.Equal("k8scert.io-ca", (string?)annotations["cert-manager.io/issuer-name"]);
        Assert.Equal("cert-manager.io", (string?)annotations["other/x"]);
        Assert.Equal(["acme.cert-manager.io/http01-solver", "app"], written["metadata"]!["labels"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal(["acme.cert-manager.io/finalizer", "kubernetes"], written["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f));
        Assert.Equal("cert-manager.io/v1", (string?)written["metadata"]!["ownerReferences"]![0]!["apiVersion"]);
        // Spec is the same shape in both APIs and is never renamed.
        Assert.Equal("k8scert.io", (string?)written["spec"]!["issuerRef"]!["group"]);
    }

    [Fact]
    public void MergePatchesKeepNullsForRemovals()
    {
        var written = JsonNode.Parse(_wire.Write("""{"metadata":{"annotations":{"k8scert.io/renew-requested-at":null}}}"""))!;

        var annotations = written["metadata"]!["annotations"]!.AsObject();
        Assert.True(annotations.ContainsKey("cert-manager.io/renew-requested-at"));
        Assert.Null(annotations["cert-manager.io/renew-requested-at"]);
    }

    [Fact]
    public void EventsPointAtTheWireApiVersion()
    {
        var written = JsonNode.Parse(_wire.Write("""{"apiVersion":"v1","kind":"Event","involvedObject":{"apiVersion":"k8scert.io/v1","kind":"Certificate"}}"""))!;

        Assert.Equal("v1", (string?)written["apiVersion"]);
        Assert.Equal("cert-manager.io/v1", (string?)written["involvedObject"]!["apiVersion"]);
    }

    [Fact]
    public void ReadsRenameBackToNativeNames()
    {
        var secret = new V1Secret
        {
            ApiVersion = "v1",
            Metadata = new V1ObjectMeta
            {
                Annotations = new Dictionary<string, string> { ["cert-manager.io/certificate-name"] = "app", ["cert-manager.io/issuer-group"] = "cert-manager.io" },
                Labels = new Dictionary<string, string> { ["controller.cert-manager.io/fao"] = "true" },
                Finalizers = ["acme.cert-manager.io/finalizer", "finalizer.acme.cert-manager.io", "kubernetes"],
                OwnerReferences = [new V1OwnerReference { ApiVersion = "cert-manager.io/v1", Kind = "Certificate", Name = "app", Uid = "u" }],
            },
        };

        _wire.Read(secret);

        Assert.Equal("app", secret.Metadata.Annotations[AnnotationKeys.CertificateName]);
        Assert.Equal(ApiGroups.CertManager, secret.Metadata.Annotations[AnnotationKeys.IssuerGroup]);
        Assert.Equal("true", secret.Metadata.Labels[LabelKeys.ForAttentionOf]);
        Assert.Equal(["acme.k8scert.io/finalizer", "kubernetes"], secret.Metadata.Finalizers);
        Assert.Equal(ApiGroups.CertApiVersion, secret.Metadata.OwnerReferences[0].ApiVersion);
        Assert.Equal("v1", secret.ApiVersion);
    }

    [Fact]
    public void AKeyInBothSpellingsReadsAsTheServedOne()
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Annotations = new Dictionary<string, string> { ["k8scert.io/issuer-name"] = "ours", ["cert-manager.io/issuer-name"] = "theirs", ["k8scert.io/keystore-digest"] = "d" },
                Labels = new Dictionary<string, string> { ["cert-manager.io/x"] = "theirs", ["k8scert.io/x"] = "ours" },
            },
        };

        _wire.Read(secret);

        Assert.Equal(new Dictionary<string, string> { [AnnotationKeys.IssuerName] = "theirs", [AnnotationKeys.KeystoreDigest] = "d" }, secret.Metadata.Annotations);
        Assert.Equal(new Dictionary<string, string> { ["k8scert.io/x"] = "theirs" }, secret.Metadata.Labels);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("k8scert.io/managed-by=k8s-cert-operator", "cert-manager.io/managed-by=k8s-cert-operator")]
    [InlineData("acme.k8scert.io/http01-solver=true,app in (a,b),!k8scert.io/x", "acme.cert-manager.io/http01-solver=true,app in (a,b),!cert-manager.io/x")]
    [InlineData("app.kubernetes.io/name=web", "app.kubernetes.io/name=web")]
    public void SelectorsSelectByWireKeys(string? native, string? wire) => Assert.Equal(wire, _wire.Selector(native));
}

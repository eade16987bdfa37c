using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Controllers.Shims;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube.Events;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.IngressShim;

/// <summary>ingress-shim in the real host against the API server: create, update, delete and ownership of Certificates.</summary>
public sealed class IngressShimLifecycleTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> IssuerAnnotation = new() { [AnnotationKeys.IngressIssuer] = "acme" };

    [Fact]
    public async Task AnnotatedIngressGetsOwnedCertificatesThatFollowItsHostsAnnotationAndLifetime()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await ShimHarness.StartAsync(output, ct);
        var annotations = new Dictionary<string, string>(IssuerAnnotation) { [AnnotationKeys.IngressDuration] = "720h" };
        var ingress = await h.CreateIngressAsync("shop", annotations, [("shop-tls", ["shop.example.com"]), ("api-tls", ["api.example.com", "v2.api.example.com"])], ct);

        // Annotated: one Certificate per TLS entry, named after the secret, controlled by the Ingress.
        var shop = await h.WaitForCertificateAsync("shop-tls", _ => true, "shop-tls created", ct);
        Assert.Equal("shop-tls", shop.Spec.SecretName);
        Assert.Equal(["shop.example.com"], shop.Spec.DnsNames);
        Assert.Equal(("acme", ApiGroups.IssuerKind), (shop.Spec.IssuerRef.Name, shop.Spec.IssuerRef.EffectiveKind));
        Assert.Equal("720h", shop.Spec.Duration);
        var owner = Assert.Single(shop.Metadata.OwnerReferences);
        Assert.Equal(("Ingress", "shop", ingress.Metadata.Uid, true, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        var api = await h.WaitForCertificateAsync("api-tls", _ => true, "api-tls created", ct);
        Assert.Equal(["api.example.com", "v2.api.example.com"], api.Spec.DnsNames);
        await h.WaitForEventAsync("shop", EventTypes.Normal, IngressShimReconciler.CreateCertificateReason, ct);

        // Hosts change: the Certificate is updated in place (same uid).
        await h.UpdateIngressAsync("shop", i => i.Spec.Tls[0].Hosts = ["shop.example.com", "www.shop.example.com"], ct);
        var updated = await h.WaitForCertificateAsync("shop-tls", c => c.Spec.DnsNames?.Count == 2, "shop-tls has two hosts", ct);
        Assert.Equal(["shop.example.com", "www.shop.example.com"], updated.Spec.DnsNames);
        Assert.Equal(shop.Metadata.Uid, updated.Metadata.Uid);

        // A TLS entry removed: only its Certificate goes.
        await h.UpdateIngressAsync("shop", i => i.Spec.Tls = [i.Spec.Tls[0]], ct);
        await h.WaitForCertificateGoneAsync("api-tls", ct);
        Assert.NotNull(await h.Apis.Certificates.GetAsync(h.Namespace, "shop-tls", ct));

        // Annotation removed: the Certificates it created are deleted.
        await h.UpdateIngressAsync("shop", i => i.Metadata.Annotations.Remove(AnnotationKeys.IngressIssuer), ct);
        await h.WaitForCertificateGoneAsync("shop-tls", ct);

        // Annotated again, then the Ingress deleted: the owner cascade removes the Certificate.
        await h.UpdateIngressAsync("shop", i => i.Metadata.Annotations[AnnotationKeys.IngressClusterIssuer] = "le", ct);
        var again = await h.WaitForCertificateAsync("shop-tls", _ => true, "shop-tls recreated", ct);
        Assert.Equal(ApiGroups.ClusterIssuerKind, again.Spec.IssuerRef.Kind);
        await h.Apis.Ingresses.DeleteAsync(h.Namespace, "shop", ct);
        await h.WaitForCertificateGoneAsync("shop-tls", ct);
    }

    [Fact]
    public async Task BadAnnotationsGiveWarningEventsAndNoCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await ShimHarness.StartAsync(output, ct);

        await h.CreateIngressAsync("both", new Dictionary<string, string> { [AnnotationKeys.IngressIssuer] = "a", [AnnotationKeys.IngressClusterIssuer] = "b" }, [("both-tls", ["both.example.com"])], ct);
        await h.CreateIngressAsync("kind", new Dictionary<string, string>(IssuerAnnotation) { [AnnotationKeys.IngressIssuerKind] = "AWSPCAIssuer" }, [("kind-tls", ["kind.example.com"])], ct);
        await h.CreateIngressAsync("duration", new Dictionary<string, string>(IssuerAnnotation) { [AnnotationKeys.IngressDuration] = "ninety days" }, [("duration-tls", ["d.example.com"])], ct);
        await h.CreateIngressAsync("entries", IssuerAnnotation, [("dup", ["a.example.com"]), ("dup", ["b.example.com"]), ("nohosts", []), ("fine-tls", ["fine.example.com"])], ct);

        var both = await h.WaitForEventAsync("both", EventTypes.Warning, ShimProblem.BadConfig, ct);
        Assert.Contains("use only one", both.Message, StringComparison.Ordinal);
        var kind = await h.WaitForEventAsync("kind", EventTypes.Warning, ShimProblem.BadConfig, ct);
        Assert.Contains("AWSPCAIssuer", kind.Message, StringComparison.Ordinal);
        var duration = await h.WaitForEventAsync("duration", EventTypes.Warning, ShimProblem.BadConfig, ct);
        Assert.Contains("ninety days", duration.Message, StringComparison.Ordinal);
        await h.WaitForEventAsync("entries", EventTypes.Warning, ShimProblem.BadConfig, ct);

        // The good entry of the mixed Ingress is served; once it exists, that Ingress has been reconciled fully.
        await h.WaitForCertificateAsync("fine-tls", _ => true, "fine-tls created", ct);
        var names = (await h.Apis.Certificates.ListAsync(h.Namespace, null, ct)).Items.Select(c => c.Metadata.Name).ToList();
        Assert.Equal(["fine-tls"], names);
        var entryMessages = (await h.Events.ListAsync(h.Namespace, null, ct)).Items
            .Where(e => e.InvolvedObject?.Name == "entries" && e.Type == EventTypes.Warning).Select(e => e.Message).ToList();
        Assert.Contains(entryMessages, m => m.Contains("\"nohosts\" has no hosts", StringComparison.Ordinal));
        Assert.Contains(entryMessages, m => m.Contains("secretName \"dup\" is used by more than one", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CertificateNotOwnedByTheIngressIsReportedAndLeftAlone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await ShimHarness.StartAsync(output, ct);
        var foreign = await h.Apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new() { Name = "taken-tls", NamespaceProperty = h.Namespace },
            Spec = new CertificateSpec { SecretName = "taken-tls", DnsNames = ["manual.example.com"], IssuerRef = new ObjectReference { Name = "manual" } },
        }, ct);

        await h.CreateIngressAsync("claimer", IssuerAnnotation, [("taken-tls", ["claimer.example.com"])], ct);

        var conflict = await h.WaitForEventAsync("claimer", EventTypes.Warning, IngressShimReconciler.CertificateConflictReason, ct);
        Assert.Contains("taken-tls", conflict.Message, StringComparison.Ordinal);
        var after = await h.Apis.Certificates.GetAsync(h.Namespace, "taken-tls", ct);
        Assert.Equal(foreign.Metadata.ResourceVersion, after!.Metadata.ResourceVersion);
        Assert.Equal(["manual.example.com"], after.Spec.DnsNames);

        // Annotation removed: the foreign Certificate is not the Ingress's to delete.
        await h.UpdateIngressAsync("claimer", i => i.Metadata.Annotations.Remove(AnnotationKeys.IngressIssuer), ct);
        await h.CreateIngressAsync("marker", IssuerAnnotation, [("marker-tls", ["marker.example.com"])], ct);
        await h.WaitForCertificateAsync("marker-tls", _ => true, "marker-tls created", ct);
        Assert.NotNull(await h.Apis.Certificates.GetAsync(h.Namespace, "taken-tls", ct));

        // The foreign Certificate deleted and the Ingress annotated again: the Ingress now gets its own.
        await h.Apis.Certificates.DeleteAsync(h.Namespace, "taken-tls", ct);
        // Its last annotation was removed above, and an API server omits the emptied map: it comes back null.
        await h.UpdateIngressAsync("claimer", i => (i.Metadata.Annotations ??= new Dictionary<string, string>())[AnnotationKeys.IngressIssuer] = "acme", ct);
        var own = await h.WaitForCertificateAsync("taken-tls", c => c.Metadata.OwnerReferences?.Count == 1, "taken-tls owned by claimer", ct);
        Assert.Equal(["claimer.example.com"], own.Spec.DnsNames);
    }

    [Fact]
    public async Task MigrationFlagHonoursCertManagerAnnotationsAndTlsAcme()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await ShimHarness.StartAsync(output, ct, o => o with { CertManagerAnnotations = true, DefaultIssuerName = "letsencrypt", DefaultIssuerKind = ApiGroups.ClusterIssuerKind });

        await h.CreateIngressAsync("legacy", new Dictionary<string, string> { ["cert-manager.io/issuer"] = "acme", ["cert-manager.io/common-name"] = "legacy.example.com" }, [("legacy-tls", ["legacy.example.com"])], ct);
        await h.CreateIngressAsync("lego", new Dictionary<string, string> { [AnnotationKeys.IngressTlsAcme] = "true" }, [("lego-tls", ["lego.example.com"])], ct);

        var legacy = await h.WaitForCertificateAsync("legacy-tls", _ => true, "legacy-tls created", ct);
        Assert.Equal(("acme", "legacy.example.com"), (legacy.Spec.IssuerRef.Name, legacy.Spec.CommonName));
        var lego = await h.WaitForCertificateAsync("lego-tls", _ => true, "lego-tls created", ct);
        Assert.Equal(("letsencrypt", ApiGroups.ClusterIssuerKind), (lego.Spec.IssuerRef.Name, lego.Spec.IssuerRef.Kind));
    }

    [Fact]
    public async Task TlsAcmeWithoutDefaultIssuerIsAnEventAndNoCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await ShimHarness.StartAsync(output, ct, o => o with { CertManagerAnnotations = true });

        await h.CreateIngressAsync("lego", new Dictionary<string, string> { [AnnotationKeys.IngressTlsAcme] = "true" }, [("lego-tls", ["lego.example.com"])], ct);

        var warning = await h.WaitForEventAsync("lego", EventTypes.Warning, ShimProblem.NoDefaultIssuer, ct);
        Assert.Contains("--default-issuer-name", warning.Message, StringComparison.Ordinal);
        Assert.Empty((await h.Apis.Certificates.ListAsync(h.Namespace, null, ct)).Items);
    }
}

using K8sCertOperator.Api;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube.Events;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Shims.ShimHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.GatewayShim;

/// <summary>gateway-shim in the real host against the API server with the Gateway API CRDs: Certificates of Gateways and ListenerSets.</summary>
public sealed class GatewayShimLifecycleTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> IssuerAnnotation = new() { [AnnotationKeys.IngressIssuer] = "acme" };

    [Fact]
    public async Task AnnotatedGatewayGetsOneCertificatePerSecretThatFollowsItsListenersAndAnnotation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await StartWithGatewayApiAsync(output, ct);
        var annotations = new Dictionary<string, string>(IssuerAnnotation) { [AnnotationKeys.IngressDuration] = "720h" };
        var gateway = await h.CreateGatewayAsync(NewGateway(h.Namespace, "edge", annotations,
            HttpsListener("a", "a.example.com", "web-tls"), HttpsListener("b", "b.example.com", "web-tls")), ct);

        // Two listeners, one Secret: one Certificate with both hostnames, controlled by the Gateway.
        var web = await h.WaitForCertificateAsync("web-tls", _ => true, "web-tls created", ct);
        Assert.Equal(["a.example.com", "b.example.com"], web.Spec.DnsNames);
        Assert.Equal(("web-tls", "acme", "720h"), (web.Spec.SecretName, web.Spec.IssuerRef.Name, web.Spec.Duration));
        var owner = Assert.Single(web.Metadata.OwnerReferences);
        Assert.Equal(("Gateway", "edge", gateway.Metadata.Uid, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller));
        await h.WaitForEventAsync("edge", EventTypes.Normal, ShimCertificateWriter.CreateCertificateReason, ct, GatewayApiGroup.GatewayKind);

        // A listener's hostname changes: the dnsNames follow, on the same Certificate.
        await h.UpdateGatewayAsync("edge", g => g.Spec.Listeners![1].Hostname = "c.example.com", ct);
        var updated = await h.WaitForCertificateAsync("web-tls", c => c.Spec.DnsNames?.Contains("c.example.com") == true, "web-tls names c.example.com", ct);
        Assert.Equal(["a.example.com", "c.example.com"], updated.Spec.DnsNames);
        Assert.Equal(web.Metadata.Uid, updated.Metadata.Uid);

        // The annotation goes: the Certificate goes.
        await h.UpdateGatewayAsync("edge", g => g.Metadata.Annotations.Remove(AnnotationKeys.IngressIssuer), ct);
        await h.WaitForCertificateGoneAsync("web-tls", ct);
    }

    [Fact]
    public async Task SkippedListenersGiveWarningEventsSayingWhichAndWhy()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await StartWithGatewayApiAsync(output, ct);
        var crossNamespace = HttpsListener("shared", "shared.example.com", "shared-tls", 8443);
        crossNamespace.Tls!.CertificateRefs![0].Namespace = "certificates";
        var passthrough = new GatewayListener
        {
            Name = "db",
            Hostname = "db.example.com",
            Port = 5432,
            Protocol = "TLS",
            Tls = new GatewayTlsConfig { Mode = GatewayApiGroup.TlsModePassthrough },
        };
        await h.CreateGatewayAsync(NewGateway(h.Namespace, "mixed", IssuerAnnotation,
            HttpsListener("any", null, "catchall-tls", 9443), passthrough, crossNamespace, HttpsListener("good", "good.example.com", "good-tls")), ct);

        // The good listener is served; once its Certificate exists the Gateway has been reconciled fully.
        await h.WaitForCertificateAsync("good-tls", _ => true, "good-tls created", ct);
        await h.WaitForEventAsync("mixed", EventTypes.Warning, GatewayShimReasons.ListenerSkipped, ct, GatewayApiGroup.GatewayKind);
        var warnings = await h.EventMessagesAsync("mixed", GatewayApiGroup.GatewayKind, EventTypes.Warning, ct);
        Assert.Contains(warnings, m => m.Contains("listener \"any\" has no hostname", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("listener \"db\" has tls.mode Passthrough", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("Secret \"shared-tls\" in namespace \"certificates\"", StringComparison.Ordinal));
        Assert.Equal(["good-tls"], (await h.Apis.Certificates.ListAsync(h.Namespace, null, ct)).Items.Select(c => c.Metadata.Name));
    }

    [Fact]
    public async Task ListenerSetsGetCertificatesFromTheAnnotatedGatewayOrFromTheirOwnAnnotation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await StartWithGatewayApiAsync(output, ct);
        var gatewayObject = NewGateway(h.Namespace, "edge", IssuerAnnotation, HttpsListener("main", "main.example.com", "main-tls"));
        gatewayObject.Spec.AllowedListeners = new AllowedListeners { Namespaces = new AllowedListenerNamespaces { From = GatewayApiGroup.FromSame } };
        var gateway = await h.CreateGatewayAsync(gatewayObject, ct);

        // Attached and not annotated itself: the Gateway's annotation covers it, and the Gateway owns the Certificate.
        await h.Apis.ListenerSets.CreateAsync(NewListenerSet(h.Namespace, "team-a", "edge", new Dictionary<string, string>(),
            HttpsListener("shop", "shop.example.com", "shop-tls")), ct);
        var shop = await h.WaitForCertificateAsync("shop-tls", _ => true, "shop-tls created", ct);
        Assert.Equal(["shop.example.com"], shop.Spec.DnsNames);
        Assert.Equal(("Gateway", gateway.Metadata.Uid), (Assert.Single(shop.Metadata.OwnerReferences).Kind, shop.Metadata.OwnerReferences[0].Uid));

        // Annotated itself: its own issuer, and it owns the Certificate.
        var own = await h.Apis.ListenerSets.CreateAsync(NewListenerSet(h.Namespace, "team-b", "edge",
            new Dictionary<string, string> { [AnnotationKeys.IngressClusterIssuer] = "le" },
            HttpsListener("blog", "blog.example.com", "blog-tls")), ct);
        var blog = await h.WaitForCertificateAsync("blog-tls", _ => true, "blog-tls created", ct);
        Assert.Equal(("le", ApiGroups.ClusterIssuerKind), (blog.Spec.IssuerRef.Name, blog.Spec.IssuerRef.Kind));
        Assert.Equal(("ListenerSet", own.Metadata.Uid), (Assert.Single(blog.Metadata.OwnerReferences).Kind, blog.Metadata.OwnerReferences[0].Uid));

        // The attached ListenerSet goes: its Certificate goes with it, the Gateway's own stays.
        await h.Apis.ListenerSets.DeleteAsync(h.Namespace, "team-a", ct);
        await h.WaitForCertificateGoneAsync("shop-tls", ct);
        Assert.NotNull(await h.Apis.Certificates.GetAsync(h.Namespace, "main-tls", ct));
    }

    [Fact]
    public async Task CertificateNotOwnedByTheGatewayIsReportedAndLeftAlone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await StartWithGatewayApiAsync(output, ct);
        var foreign = await h.Apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new() { Name = "taken-tls", NamespaceProperty = h.Namespace },
            Spec = new CertificateSpec { SecretName = "taken-tls", DnsNames = ["manual.example.com"], IssuerRef = new ObjectReference { Name = "manual" } },
        }, ct);

        await h.CreateGatewayAsync(NewGateway(h.Namespace, "claimer", IssuerAnnotation, HttpsListener("a", "claimer.example.com", "taken-tls")), ct);

        var conflict = await h.WaitForEventAsync("claimer", EventTypes.Warning, ShimCertificateWriter.CertificateConflictReason, ct, GatewayApiGroup.GatewayKind);
        Assert.Contains("not owned by this Gateway", conflict.Message, StringComparison.Ordinal);
        var after = await h.Apis.Certificates.GetAsync(h.Namespace, "taken-tls", ct);
        Assert.Equal(foreign.Metadata.ResourceVersion, after!.Metadata.ResourceVersion);
        Assert.Equal(["manual.example.com"], after.Spec.DnsNames);

        // The foreign Certificate deleted: the Gateway now gets its own.
        await h.Apis.Certificates.DeleteAsync(h.Namespace, "taken-tls", ct);
        var own = await h.WaitForCertificateAsync("taken-tls", c => c.Metadata.OwnerReferences?.Count == 1, "taken-tls owned by claimer", ct);
        Assert.Equal(["claimer.example.com"], own.Spec.DnsNames);
    }

    [Fact]
    public async Task ForeignCertificateNamedByAnAttachedListenerSetIsTakenOverOnceItGoes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await StartWithGatewayApiAsync(output, ct);
        await h.Apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new() { Name = "extra-tls", NamespaceProperty = h.Namespace },
            Spec = new CertificateSpec { SecretName = "extra-tls", DnsNames = ["manual.example.com"], IssuerRef = new ObjectReference { Name = "manual" } },
        }, ct);
        var gateway = NewGateway(h.Namespace, "edge", IssuerAnnotation, HttpsListener("main", "main.example.com", "main-tls"));
        gateway.Spec.AllowedListeners = new AllowedListeners { Namespaces = new AllowedListenerNamespaces { From = GatewayApiGroup.FromSame } };
        await h.CreateGatewayAsync(gateway, ct);
        await h.Apis.ListenerSets.CreateAsync(NewListenerSet(h.Namespace, "extra", "edge", new Dictionary<string, string>(),
            HttpsListener("x", "x.example.com", "extra-tls")), ct);

        await h.WaitForEventAsync("edge", EventTypes.Warning, ShimCertificateWriter.CertificateConflictReason, ct, GatewayApiGroup.GatewayKind);
        await h.Apis.Certificates.DeleteAsync(h.Namespace, "extra-tls", ct);

        var own = await h.WaitForCertificateAsync("extra-tls", c => c.Metadata.OwnerReferences?.Count == 1, "extra-tls owned by the Gateway", ct);
        Assert.Equal(["x.example.com"], own.Spec.DnsNames);
        Assert.Equal("edge", own.Metadata.OwnerReferences[0].Name);
    }
}

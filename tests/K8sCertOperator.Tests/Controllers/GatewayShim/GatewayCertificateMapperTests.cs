using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.Shims;
using static K8sCertOperator.Tests.Controllers.GatewayShim.GatewayObjects;

namespace K8sCertOperator.Tests.Controllers.GatewayShim;

/// <summary>The Gateway (+ ListenerSets) -> Certificates table: grouping by Secret, every skipped listener, attachment rules.</summary>
public sealed class GatewayCertificateMapperTests
{
    private static readonly Dictionary<string, string> Issuer = new() { ["k8scert.io/issuer"] = "acme" };
    private static readonly Dictionary<string, string> None = [];

    /// <summary>A row: a Gateway and attached ListenerSets in; Certificates "secret=host,host", problem fragments and held Secrets out.</summary>
    private sealed record Row(Gateway Gateway, ListenerSet[] Attached, bool Managed, string[] Certificates, string[] Problems, string[] Held);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["not annotated"] = new(Gateway(None, null, Https("a", "a.example.com", "web-tls")), [], false, [], [], []),
        ["two listeners share one Secret"] = new(
            Gateway(Issuer, null, Https("a", "a.example.com", "web-tls"), Https("b", "b.example.com", "web-tls")), [],
            true, ["web-tls=a.example.com,b.example.com"], [], []),
        ["one Certificate per Secret, in listener order"] = new(
            Gateway(Issuer, null, Https("b", "b.example.com", "b-tls"), Https("a", "a.example.com", "a-tls"), Https("c", "c.example.com", "b-tls")), [],
            true, ["b-tls=b.example.com,c.example.com", "a-tls=a.example.com"], [], []),
        ["same hostname twice is listed once"] = new(
            Gateway(Issuer, null, Https("a", "a.example.com", "web-tls"), Https("a2", "a.example.com", "web-tls")), [],
            true, ["web-tls=a.example.com"], [], []),
        ["wildcard hostname kept"] = new(Gateway(Issuer, null, Https("w", "*.example.com", "wild-tls")), [], true, ["wild-tls=*.example.com"], [], []),
        ["a listener with two Secrets"] = new(Gateway(Issuer, null, Https("a", "a.example.com", "rsa-tls", "ecdsa-tls")), [], true, ["rsa-tls=a.example.com", "ecdsa-tls=a.example.com"], [], []),
        ["HTTP listener ignored silently"] = new(Gateway(Issuer, null, Http("plain", "a.example.com"), Https("a", "a.example.com", "web-tls")), [], true, ["web-tls=a.example.com"], [], []),
        ["listener without hostname skipped and its Secret held"] = new(
            Gateway(Issuer, null, Https("any", null, "catchall-tls"), Https("a", "a.example.com", "web-tls")), [],
            true, ["web-tls=a.example.com"], ["listener \"any\" has no hostname"], ["catchall-tls"]),
        ["hostless listener sharing a Secret with a named one"] = new(
            Gateway(Issuer, null, Https("any", null, "web-tls"), Https("a", "a.example.com", "web-tls")), [],
            true, ["web-tls=a.example.com"], ["listener \"any\" has no hostname"], []),
        ["Passthrough listener skipped"] = new(Gateway(Issuer, null, Passthrough("db", "db.example.com")), [], true, [], ["listener \"db\" has tls.mode Passthrough"], []),
        ["cross-namespace Secret skipped"] = new(
            Gateway(Issuer, null, WithRef("a", "a.example.com", new SecretObjectReference { Name = "shared-tls", Namespace = "certs" })), [],
            true, [], ["listener \"a\" certificateRefs[0] names Secret \"shared-tls\" in namespace \"certs\""], []),
        ["same namespace spelled out"] = new(
            Gateway(Issuer, null, WithRef("a", "a.example.com", new SecretObjectReference { Name = "web-tls", Namespace = Namespace })), [],
            true, ["web-tls=a.example.com"], [], []),
        ["ref to another kind skipped"] = new(
            Gateway(Issuer, null, WithRef("a", "a.example.com", new SecretObjectReference { Name = "bundle", Group = "example.com", Kind = "CertBundle" })), [],
            true, [], ["is a CertBundle in group \"example.com\", not a core Secret"], []),
        ["explicit core Secret ref"] = new(
            Gateway(Issuer, null, WithRef("a", "a.example.com", new SecretObjectReference { Name = "web-tls", Group = "", Kind = "Secret" })), [],
            true, ["web-tls=a.example.com"], [], []),
        ["bad annotation: invalid, nothing made"] = new(
            Gateway(new Dictionary<string, string>(Issuer) { ["k8scert.io/duration"] = "ninety days" }, null, Https("a", "a.example.com", "web-tls")), [],
            true, [], ["k8scert.io/duration \"ninety days\""], []),
        ["attached ListenerSet merged when allowed"] = new(
            Gateway(Issuer, GatewayApiGroup.FromSame, Https("a", "a.example.com", "web-tls")),
            [ListenerSet("extra", Namespace, None, Https("b", "b.example.com", "web-tls"), Https("c", "c.example.com", "c-tls"))],
            true, ["web-tls=a.example.com,b.example.com", "c-tls=c.example.com"], [], []),
        ["ListenerSet skipped when allowedListeners is None"] = new(
            Gateway(Issuer, null, Https("a", "a.example.com", "web-tls")),
            [ListenerSet("extra", Namespace, None, Https("b", "b.example.com", "b-tls"))],
            true, ["web-tls=a.example.com"], ["ListenerSet apps/extra is not allowed by the Gateway's spec.allowedListeners"], []),
        ["ListenerSet in another namespace skipped"] = new(
            Gateway(Issuer, GatewayApiGroup.FromAll, Https("a", "a.example.com", "web-tls")),
            [ListenerSet("extra", "team-b", None, Https("b", "b.example.com", "b-tls"))],
            true, ["web-tls=a.example.com"], ["ListenerSet team-b/extra is in another namespace"], []),
        ["annotated ListenerSet left to itself"] = new(
            Gateway(Issuer, GatewayApiGroup.FromSame, Https("a", "a.example.com", "web-tls")),
            [ListenerSet("own", Namespace, new Dictionary<string, string> { ["k8scert.io/cluster-issuer"] = "le" }, Https("b", "b.example.com", "b-tls"))],
            true, ["web-tls=a.example.com"], [], []),
        ["ListenerSet listener problems name the ListenerSet"] = new(
            Gateway(Issuer, GatewayApiGroup.FromSame),
            [ListenerSet("extra", Namespace, None, Https("any", null, "b-tls"))],
            true, [], ["ListenerSet \"extra\" listener \"any\" has no hostname"], ["b-tls"]),
    };

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void MapsGatewayListeners(string rowName)
    {
        var row = Rows[rowName];
        var mapping = GatewayCertificateMapper.MapGateway(row.Gateway, row.Attached, new ShimOptions());

        Assert.Equal(row.Managed, mapping.Managed);
        Assert.Equal(row.Certificates, mapping.Certificates.Select(c => $"{c.Metadata.Name}={string.Join(",", c.Spec.DnsNames!)}"));
        Assert.Equal(row.Problems.Length, mapping.Problems.Count);
        foreach (var (expected, actual) in row.Problems.Zip(mapping.Problems))
        {
            Assert.Contains(expected, actual.Message, StringComparison.Ordinal);
        }

        Assert.Equal(row.Held.Order(StringComparer.Ordinal), mapping.HeldSecretNames.Order(StringComparer.Ordinal));
        Assert.All(mapping.Certificates, c =>
        {
            Assert.Equal(c.Metadata.Name, c.Spec.SecretName);
            Assert.Equal(Namespace, c.Metadata.NamespaceProperty);
            var owner = Assert.Single(c.Metadata.OwnerReferences);
            Assert.Equal(("gateway.networking.k8s.io/v1", "Gateway", "edge", "gateway-uid", true, null), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        });
    }

    [Fact]
    public void SkippedListenersAreListenerSkippedWarnings()
    {
        var mapping = GatewayCertificateMapper.MapGateway(Gateway(Issuer, null, Passthrough("db", "db.example.com"), Https("any", null, "x-tls")), [], new ShimOptions());

        Assert.Equal([GatewayShimReasons.ListenerSkipped, GatewayShimReasons.ListenerSkipped], mapping.Problems.Select(p => p.Reason));
    }

    [Fact]
    public void GatewayCarriesEveryTuningAnnotationLikeAnIngress()
    {
        var annotations = new Dictionary<string, string>
        {
            ["k8scert.io/cluster-issuer"] = "le",
            ["k8scert.io/common-name"] = "a.example.com",
            ["k8scert.io/duration"] = "720h",
            ["k8scert.io/renew-before"] = "240h",
            ["k8scert.io/usages"] = "digital signature, server auth",
            ["k8scert.io/private-key-algorithm"] = "ECDSA",
            ["k8scert.io/private-key-size"] = "384",
            ["k8scert.io/private-key-encoding"] = "PKCS8",
            ["k8scert.io/private-key-rotation-policy"] = "Always",
            ["k8scert.io/revision-history-limit"] = "2",
        };

        var certificate = Assert.Single(GatewayCertificateMapper.MapGateway(Gateway(annotations, null, Https("a", "a.example.com", "web-tls")), [], new ShimOptions()).Certificates);

        Assert.Equal(("le", "ClusterIssuer"), (certificate.Spec.IssuerRef.Name, certificate.Spec.IssuerRef.Kind));
        Assert.Equal(("a.example.com", "720h", "240h", 2), (certificate.Spec.CommonName, certificate.Spec.Duration, certificate.Spec.RenewBefore, certificate.Spec.RevisionHistoryLimit));
        Assert.Equal(["digital signature", "server auth"], certificate.Spec.Usages);
        Assert.Equal(("ECDSA", 384, "PKCS8", "Always"), (certificate.Spec.PrivateKey!.Algorithm, certificate.Spec.PrivateKey.Size, certificate.Spec.PrivateKey.Encoding, certificate.Spec.PrivateKey.RotationPolicy));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void CertManagerAnnotationsCountOnlyWithTheMigrationFlag(bool flag, bool managed)
    {
        var gateway = Gateway(new Dictionary<string, string> { ["cert-manager.io/cluster-issuer"] = "le" }, null, Https("a", "a.example.com", "web-tls"));

        var mapping = GatewayCertificateMapper.MapGateway(gateway, [], new ShimOptions { CertManagerAnnotations = flag });

        Assert.Equal(managed, mapping.Managed);
        Assert.Equal(managed ? ["web-tls"] : [], mapping.Certificates.Select(c => c.Metadata.Name));
    }

    [Fact]
    public void AnnotatedListenerSetOwnsCertificatesForItsOwnListeners()
    {
        var listenerSet = ListenerSet("own", "team-b", new Dictionary<string, string> { ["k8scert.io/issuer"] = "team-ca" },
            Https("b", "b.example.com", "b-tls"), Https("c", "c.example.com", "b-tls"), Passthrough("p", "p.example.com"));

        var mapping = GatewayCertificateMapper.MapListenerSet(listenerSet, new ShimOptions());

        var certificate = Assert.Single(mapping.Certificates);
        Assert.Equal(("b-tls", "team-b"), (certificate.Metadata.Name, certificate.Metadata.NamespaceProperty));
        Assert.Equal(["b.example.com", "c.example.com"], certificate.Spec.DnsNames);
        var owner = Assert.Single(certificate.Metadata.OwnerReferences);
        Assert.Equal(("ListenerSet", "own", "own-uid"), (owner.Kind, owner.Name, owner.Uid));
        Assert.Contains("listener \"p\" has tls.mode Passthrough", Assert.Single(mapping.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnannotatedListenerSetMapsToNothing()
    {
        var mapping = GatewayCertificateMapper.MapListenerSet(ListenerSet("plain", Namespace, None, Https("b", "b.example.com", "b-tls")), new ShimOptions());

        Assert.False(mapping.Managed);
        Assert.Empty(mapping.Certificates);
    }
}

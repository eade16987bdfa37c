using System.Text.Json;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Tests.Api;
using K8sCertOperator.TestSupport;

namespace K8sCertOperator.Tests.Controllers.GatewayShim;

/// <summary>config/samples/gateway-api reads into the models and yields the Certificates its comments promise.</summary>
public sealed class GatewaySampleTests
{
    private static T Load<T>(string file) =>
        YamlJson.Load(Path.Combine(RepoFiles.SamplesDirectory, "gateway-api", file))!.Deserialize<T>(KubeJson.Options)!;

    [Fact]
    public void SampleGatewayAndListenerSetMapToTheDocumentedCertificates()
    {
        var gateway = Load<Gateway>("gateway.yaml");
        var listenerSet = Load<ListenerSet>("listenerset.yaml");
        gateway.Metadata.Uid = "sample-uid";
        Assert.Equal("default/example", ListenerSetParent.GatewayKey(listenerSet)?.ToString());

        var mapping = GatewayCertificateMapper.MapGateway(gateway, [listenerSet], new ShimOptions());

        Assert.Equal(
            ["example-com-tls=example.com,www.example.com", "wildcard-tls=*.apps.example.com", "shop-example-com-tls=shop.example.com"],
            mapping.Certificates.Select(c => $"{c.Metadata.Name}={string.Join(",", c.Spec.DnsNames!)}"));
        Assert.All(mapping.Certificates, c => Assert.Equal(("letsencrypt-staging", "ECDSA", "360h"), (c.Spec.IssuerRef.Name, c.Spec.PrivateKey?.Algorithm, c.Spec.RenewBefore)));
        var skipped = Assert.Single(mapping.Problems);
        Assert.Equal(GatewayShimReasons.ListenerSkipped, skipped.Reason);
        Assert.Contains("tls-passthrough", skipped.Message, StringComparison.Ordinal);
    }
}

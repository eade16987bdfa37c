using k8s.Models;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>
/// The ingress corpus's garbage annotation values on a Gateway and on a ListenerSet: the gateway-shim shares the
/// annotation parsing, so it must report a problem (a Warning Event) and create no Certificate either.
/// </summary>
public class GatewayAnnotationCorpusTests
{
    private const string Area = "ingress";

    public static TheoryData<string> Cases() => CorpusFiles.Names(Area);

    [Theory]
    [MemberData(nameof(Cases))]
    public void GatewayShimReportsAProblemAndCreatesNoCertificate(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        var annotations = c.Input["annotations"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
        GatewayListener[] listeners =
        [
            new()
            {
                Name = "https",
                Hostname = "corpus.example.com",
                Port = 443,
                Protocol = "HTTPS",
                Tls = new GatewayTlsConfig { CertificateRefs = [new SecretObjectReference { Name = "corpus-tls" }] },
            },
        ];
        var metadata = new V1ObjectMeta { Name = "corpus", NamespaceProperty = "corpus", Uid = "uid-corpus", Annotations = annotations };
        var options = ShimOptions.From(new OperatorOptions());

        var fromGateway = GatewayCertificateMapper.MapGateway(new Gateway { Metadata = metadata, Spec = new GatewaySpec { Listeners = [.. listeners] } }, [], options);
        var fromListenerSet = GatewayCertificateMapper.MapListenerSet(new ListenerSet { Metadata = metadata, Spec = new ListenerSetSpec { Listeners = [.. listeners] } }, options);

        Assert.Equal("warn-no-certificate", c.Expected("shim"));
        foreach (var mapping in new[] { fromGateway, fromListenerSet })
        {
            Assert.True(mapping.Problems.Count > 0, $"{c}: the gateway-shim accepted it");
            Assert.Empty(mapping.Certificates);
        }
    }
}

using System.Text.Json;
using K8sCertOperator.Controllers.GatewayShim;

namespace K8sCertOperator.Tests.Controllers.GatewayShim;

/// <summary>Reading the gateway.networking.k8s.io/v1 discovery document: which kinds the gateway-shim may watch.</summary>
public sealed class GatewayApiSupportTests
{
    public static TheoryData<string?, bool, bool> Rows => new()
    {
        { null, false, false },
        { """{"kind":"APIResourceList","resources":[]}""", false, false },
        { """{"kind":"APIResourceList","resources":[{"name":"gateways"},{"name":"gateways/status"},{"name":"httproutes"}]}""", true, false },
        { """{"kind":"APIResourceList","resources":[{"name":"gateways"},{"name":"listenersets"},{"name":"listenersets/status"}]}""", true, true },
        // ListenerSets matter only through Gateways.
        { """{"kind":"APIResourceList","resources":[{"name":"listenersets"}]}""", false, false },
        { """{"kind":"APIResourceList","resources":"gateways"}""", false, false },
        { """{"kind":"APIResourceList","resources":[{"name":7},"gateways"]}""", false, false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ReadsTheResourceList(string? json, bool gateways, bool listenerSets)
    {
        using var document = json is null ? null : JsonDocument.Parse(json);

        var support = GatewayApiSupport.FromResourceList(document?.RootElement);

        Assert.Equal(new GatewayApiSupport(gateways, listenerSets), support);
    }
}

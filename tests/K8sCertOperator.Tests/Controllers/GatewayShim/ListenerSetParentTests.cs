using k8s.Models;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Tests.Controllers.GatewayShim;

/// <summary>Which Gateway a ListenerSet's parentRef names: defaults for group, kind and namespace; other kinds are no Gateway.</summary>
public sealed class ListenerSetParentTests
{
    public static TheoryData<string?, string?, string, string?, string?> Rows => new()
    {
        { null, null, "edge", null, "apps/edge" },
        { "gateway.networking.k8s.io", "Gateway", "edge", "infra", "infra/edge" },
        { "", "", "edge", "", "apps/edge" },
        { "example.com", "Gateway", "edge", null, null },
        { null, "Service", "edge", null, null },
        { null, null, "", null, null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void ParentGatewayKey(string? group, string? kind, string name, string? ns, string? expected)
    {
        var listenerSet = new ListenerSet
        {
            Metadata = new V1ObjectMeta { Name = "extra", NamespaceProperty = "apps" },
            Spec = new ListenerSetSpec { ParentRef = new ParentGatewayReference { Group = group, Kind = kind, Name = name, Namespace = ns } },
        };

        Assert.Equal(expected, ListenerSetParent.GatewayKey(listenerSet)?.ToString());
    }

    [Fact]
    public void NoParentRefIsNoGateway() =>
        Assert.Null(ListenerSetParent.GatewayKey(new ListenerSet { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "apps" }, Spec = new ListenerSetSpec() }));

    [Fact]
    public void KeyFormatMatchesObjectKey() => Assert.Equal("apps/edge", new ObjectKey("apps", "edge").ToString());
}

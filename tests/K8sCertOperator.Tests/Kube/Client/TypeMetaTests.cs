using k8s.Models;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.Client;

public class TypeMetaTests
{
    [Theory]
    [InlineData(typeof(V1Secret), "v1", "Secret")]
    [InlineData(typeof(V1Ingress), "networking.k8s.io/v1", "Ingress")]
    [InlineData(typeof(V1Lease), "coordination.k8s.io/v1", "Lease")]
    [InlineData(typeof(Corev1Event), "v1", "Event")]
    [InlineData(typeof(TestWidget), "test.k8scert.io/v1", "Widget")]
    [InlineData(typeof(string), null, null)]
    public void FromEntityAttribute(Type type, string? apiVersion, string? kind) =>
        Assert.Equal((apiVersion, kind), TypeMeta.Of(type));

    [Fact]
    public void EnsureFillsOnlyMissingFields()
    {
        var bare = TypeMeta.Ensure(new V1Secret());
        Assert.Equal(("v1", "Secret"), (bare.ApiVersion, bare.Kind));

        var custom = TypeMeta.Ensure(new V1Secret { ApiVersion = "v1", Kind = "Custom" });
        Assert.Equal("Custom", custom.Kind);
    }
}

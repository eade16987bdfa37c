using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.Client;

public class ClientBasicsTests
{
    [Theory]
    [InlineData("ns/name", "ns", "name")]
    [InlineData("cluster-thing", null, "cluster-thing")]
    public void ObjectKeyRoundTrips(string text, string? ns, string name)
    {
        var key = ObjectKey.Parse(text);
        Assert.Equal(new ObjectKey(ns, name), key);
        Assert.Equal(text, key.ToString());
    }

    [Fact]
    public void ObjectKeyTreatsEmptyNamespaceAsClusterScoped()
    {
        var obj = new V1Secret { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "" } };
        Assert.Equal(new ObjectKey(null, "x"), ObjectKey.From(obj));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(5, 3_200)]
    [InlineData(8, 25_600)]
    [InlineData(9, 30_000)]
    [InlineData(1000, 30_000)]
    public void BackoffTable(int attempt, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), new ExponentialBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30)).Delay(attempt));

    [Theory]
    [InlineData(0.0, 1000)]
    [InlineData(0.5, 1250)]
    [InlineData(0.999, 1499)]
    public void BackoffJitterAddsUpToTheFraction(double random, int expectedMs)
    {
        var d = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), JitterFraction: 0.5).Delay(1, random);
        Assert.Equal(expectedMs, (int)d.TotalMilliseconds);
    }

    [Fact]
    public void CustomResourcePathComesFromTheEntityAttribute()
    {
        Assert.Throws<InvalidOperationException>(() => ResourcePath.Of<Unattributed>());
        var widgets = ResourcePath.Of<TestWidget>();
        Assert.Equal("apis/test.k8scert.io/v1/namespaces/ns/widgets", widgets.Collection("ns"));
        Assert.Equal("apis/test.k8scert.io/v1/widgets/w", ResourcePath.Of<TestWidget>(clusterScoped: true).Item(null, "w"));
    }

    [Theory]
    [InlineData("", "v1", "secrets", true, "ns", null, null, "api/v1/namespaces/ns/secrets")]
    [InlineData("", "v1", "secrets", true, null, null, null, "api/v1/secrets")]
    [InlineData("", "v1", "secrets", true, "ns", "tls", null, "api/v1/namespaces/ns/secrets/tls")]
    [InlineData("networking.k8s.io", "v1", "ingresses", true, "a b", "x", "status", "apis/networking.k8s.io/v1/namespaces/a%20b/ingresses/x/status")]
    [InlineData("k8scert.io", "v1", "clusterissuers", false, "ignored", "le", "status", "apis/k8scert.io/v1/clusterissuers/le/status")]
    public void ResourcePathsFollowTheApiLayout(string group, string version, string plural, bool namespaced, string? ns, string? name, string? sub, string expected)
    {
        var path = new ResourcePath(group, version, plural, namespaced);
        Assert.Equal(expected, name is null ? path.Collection(ns) : path.Item(ns, name, sub));
    }

    [Fact]
    public void NamespacedItemWithoutNamespaceIsRejected() =>
        Assert.Throws<ArgumentException>(() => CoreResourceApis.SecretPath.Item(null, "tls"));

    private sealed class Unattributed : IKubernetesObject<V1ObjectMeta>
    {
        public string ApiVersion { get; set; } = "x/v1";

        public string Kind { get; set; } = "X";

        public V1ObjectMeta Metadata { get; set; } = new();
    }
}

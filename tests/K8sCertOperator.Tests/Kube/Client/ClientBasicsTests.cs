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
    public void CustomResourceApiRequiresTheEntityAttribute()
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        Assert.Throws<InvalidOperationException>(() => new CustomResourceApi<Unattributed>(client));
        _ = new CustomResourceApi<TestWidget>(client); // attribute present: constructs without I/O
    }

    private sealed class Unattributed : IKubernetesObject<V1ObjectMeta>
    {
        public string ApiVersion { get; set; } = "x/v1";

        public string Kind { get; set; } = "X";

        public V1ObjectMeta Metadata { get; set; } = new();
    }
}

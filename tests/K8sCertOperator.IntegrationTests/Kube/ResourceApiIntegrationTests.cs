using k8s;
using k8s.Models;
using K8sCertOperator.IntegrationTests.StandIn;
using K8sCertOperator.Kube.Client;

using K8sCertOperator.IntegrationTests.Cluster;

namespace K8sCertOperator.IntegrationTests.Kube;

/// <summary>IResourceApi for Secrets against an API server: CRUD, optimistic concurrency and typed errors.</summary>
public class ResourceApiIntegrationTests
{
    private static V1Secret Secret(string ns, string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, Labels = new Dictionary<string, string> { ["k8scert.io/managed"] = "true" } },
        Type = "Opaque",
        Data = new Dictionary<string, byte[]> { ["k"] = [1, 2, 3] },
    };

    [Fact]
    public async Task CrudWithTypedOutcomes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(cts.Token);
        var api = CoreResourceApis.Secrets(env.Client);

        var created = await api.CreateAsync(Secret(env.Namespace, "s1"), cts.Token);
        Assert.False(string.IsNullOrEmpty(created.ResourceVersion()));

        var dup = await Assert.ThrowsAsync<KubeApiException>(() => api.CreateAsync(Secret(env.Namespace, "s1"), cts.Token));
        Assert.Equal(KubeApiErrorKind.AlreadyExists, dup.Kind);

        created.Data["k"] = [9];
        var replaced = await api.ReplaceAsync(created, cts.Token);
        Assert.NotEqual(created.ResourceVersion(), replaced.ResourceVersion());

        // created still carries the old resourceVersion: the server must refuse it.
        var conflict = await Assert.ThrowsAsync<KubeApiException>(() => api.ReplaceAsync(created, cts.Token));
        Assert.Equal(KubeApiErrorKind.Conflict, conflict.Kind);

        var patched = await api.PatchAsync(env.Namespace, "s1", """{"metadata":{"annotations":{"a":"b"}}}""", cts.Token);
        Assert.Equal("b", patched.Metadata.Annotations["a"]);

        var list = await api.ListAsync(env.Namespace, "k8scert.io/managed=true", cts.Token);
        Assert.Contains(list.Items, s => s.Name() == "s1");
        Assert.False(string.IsNullOrEmpty(list.ResourceVersion));

        Assert.True(await api.DeleteAsync(env.Namespace, "s1", cts.Token));
        Assert.False(await api.DeleteAsync(env.Namespace, "s1", cts.Token));
        Assert.Null(await api.GetAsync(env.Namespace, "s1", cts.Token));
    }
}

using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using K8sCertOperator.IntegrationTests.StandIn;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Informers;
using Microsoft.Extensions.Logging.Abstractions;

using K8sCertOperator.IntegrationTests.Cluster;
using ObjectKey = K8sCertOperator.Kube.ObjectKey;

namespace K8sCertOperator.IntegrationTests.Kube;

/// <summary>Informer list-then-watch against an API server, with a label selector.</summary>
public class InformerIntegrationTests
{
    private static V1Secret Secret(string ns, string name, bool managed) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta
        {
            NamespaceProperty = ns,
            Name = name,
            Labels = managed ? new Dictionary<string, string> { ["k8scert.io/managed"] = "true" } : null,
        },
        Data = new Dictionary<string, byte[]> { ["k"] = [1] },
    };

    private static async Task WaitAsync(Func<bool> condition, string because, CancellationToken ct)
    {
        while (!condition())
        {
            ct.ThrowIfCancellationRequested();
            await Task.Delay(20, ct);
        }
    }

    [Fact]
    public async Task CachesOnlyLabelledSecretsAndFollowsChanges()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(cts.Token);
        var api = CoreResourceApis.Secrets(env.Client);
        await api.CreateAsync(Secret(env.Namespace, "pre-existing", managed: true), cts.Token);
        await api.CreateAsync(Secret(env.Namespace, "unrelated", managed: false), cts.Token);

        var informer = new Informer<V1Secret>(api, new InformerOptions { Namespace = env.Namespace, LabelSelector = "k8scert.io/managed=true" }, NullLogger.Instance);
        informer.AddIndex("name", s => [s.Name()]);
        var events = new ConcurrentQueue<string>();
        informer.OnAdd += s => events.Enqueue("add " + s.Name());
        informer.OnUpdate += (_, s) => events.Enqueue("update " + s.Name());
        informer.OnDelete += s => events.Enqueue("delete " + s.Name());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var run = informer.RunAsync(stop.Token);

        await informer.WaitForSyncAsync(cts.Token);
        Assert.Equal(["pre-existing"], informer.List().Select(s => s.Name()));

        var created = await api.CreateAsync(Secret(env.Namespace, "new", managed: true), cts.Token);
        await WaitAsync(() => events.Contains("add new"), "add seen", cts.Token);

        created.Data["k"] = [2];
        await api.ReplaceAsync(created, cts.Token);
        await WaitAsync(() => events.Contains("update new"), "update seen", cts.Token);

        await api.DeleteAsync(env.Namespace, "new", cts.Token);
        await WaitAsync(() => events.Contains("delete new"), "delete seen", cts.Token);

        await api.CreateAsync(Secret(env.Namespace, "unrelated-2", managed: false), cts.Token);
        Assert.Null(informer.Get(new ObjectKey(env.Namespace, "unrelated")));
        Assert.Single(informer.ByIndex("name", "pre-existing"));

        await stop.CancelAsync();
        await run;
    }
}

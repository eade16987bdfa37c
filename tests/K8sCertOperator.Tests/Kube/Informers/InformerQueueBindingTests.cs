using Microsoft.Extensions.Time.Testing;
using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Kube.Informers;

public class InformerQueueBindingTests
{
    private static V1Secret Secret(string name, string owner) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = "ns", Name = name, Annotations = new Dictionary<string, string> { ["cert"] = owner } },
    };

    [Fact]
    public async Task ChangesEnqueueMappedOwnerKeys()
    {
        var api = new FakeResourceApi<V1Secret>();
        var informer = new Informer<V1Secret>(api, new InformerOptions(), NullLogger.Instance);
        var queue = new WorkQueue<ObjectKey>(new WorkQueueOptions(), new FakeTimeProvider());
        informer.EnqueueOnChange(queue, s => [new ObjectKey(s.Namespace(), s.Metadata.Annotations["cert"])]);
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var created = await api.CreateAsync(Secret("tls-a", owner: "cert-a"), default);
        await Eventually.TrueAsync(() => queue.Length == 1, "owner enqueued on add");
        var (key, _) = await queue.GetAsync(CancellationToken.None);
        Assert.Equal(new ObjectKey("ns", "cert-a"), key);
        queue.Done(key);

        created.Metadata.Annotations["cert"] = "cert-b";
        await api.ReplaceAsync(created, default);
        await Eventually.TrueAsync(() => queue.Length == 2, "old and new owner enqueued on update");

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }
}

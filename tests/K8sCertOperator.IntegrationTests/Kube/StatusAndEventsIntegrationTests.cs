using k8s;
using k8s.Models;
using K8sCertOperator.IntegrationTests.StandIn;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Status;
using Microsoft.Extensions.Logging.Abstractions;

using K8sCertOperator.IntegrationTests.Cluster;

namespace K8sCertOperator.IntegrationTests.Kube;

/// <summary>StatusWriter (status subresource, conflicts), FinalizerHelper and EventRecorder against an API server.</summary>
public class StatusAndEventsIntegrationTests
{
    private static V1Service Service(string ns, string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
        Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }], Selector = new Dictionary<string, string> { ["app"] = "x" } },
    };

    [Fact]
    public async Task StatusWriterSkipsNoOpsAndSurvivesConflicts()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(cts.Token);
        var api = CoreResourceApis.Services(env.Client);
        var writer = new StatusWriter(NullLogger.Instance);
        var svc = await api.CreateAsync(Service(env.Namespace, "svc"), cts.Token);

        // Someone else changes the object: our copy is now stale.
        await api.PatchAsync(env.Namespace, "svc", """{"metadata":{"labels":{"touched":"yes"}}}""", cts.Token);

        var written = await writer.UpdateStatusAsync(api, svc, s =>
        {
            s.Status ??= new V1ServiceStatus();
            s.Status.Conditions = [new V1Condition { Type = "Ready", Status = "True", Reason = "Test", Message = "ok", LastTransitionTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) }];
        }, cts.Token);
        Assert.Equal(StatusWriteOutcome.Written, written.Outcome);
        Assert.Equal("yes", written.Object!.Metadata.Labels["touched"]);

        var again = await writer.UpdateStatusAsync(api, written.Object, s => s.Status.Conditions[0].Status = "True", cts.Token);
        Assert.Equal(StatusWriteOutcome.Unchanged, again.Outcome);
    }

    [Fact]
    public async Task FinalizerAddAndRemove()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(cts.Token);
        var api = CoreResourceApis.Secrets(env.Client);
        var secret = await api.CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "f", NamespaceProperty = env.Namespace } }, cts.Token);

        var withFinalizer = await FinalizerHelper.AddAsync(api, secret, "k8scert.io/test", cts.Token);
        Assert.True(FinalizerHelper.Has(withFinalizer!, "k8scert.io/test"));

        // secret is stale now; the helper must re-read after the precondition fails.
        var removed = await FinalizerHelper.RemoveAsync(api, withFinalizer!, "k8scert.io/test", cts.Token);
        Assert.False(FinalizerHelper.Has(removed!, "k8scert.io/test"));
    }

    [Fact]
    public async Task RepeatedEventsAreAggregated()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(cts.Token);
        var secret = await CoreResourceApis.Secrets(env.Client).CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "e", NamespaceProperty = env.Namespace } }, cts.Token);
        secret.Kind ??= "Secret";
        secret.ApiVersion ??= "v1";
        var recorder = new EventRecorder(CoreResourceApis.Events(env.Client), NullLogger.Instance);

        for (var i = 0; i < 3; i++)
        {
            await recorder.RecordAsync(secret, EventTypes.Warning, "Failed", "ACME order failed", cts.Token);
        }

        await recorder.RecordAsync(secret, EventTypes.Normal, "Issued", "done", cts.Token);

        var events = (await CoreResourceApis.Events(env.Client).ListAsync(env.Namespace, null, cts.Token)).Items
            .Where(e => e.InvolvedObject.Name == "e").ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(3, events.Single(e => e.Reason == "Failed").Count);
    }
}

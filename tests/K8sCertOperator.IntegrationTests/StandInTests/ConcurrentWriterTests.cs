using System.Globalization;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Optimistic concurrency under parallel writers, observed through a watch.</summary>
public sealed class ConcurrentWriterTests : StandInTestBase
{
    [Fact]
    public async Task Parallel_read_modify_write_with_conflict_retry_loses_no_increment()
    {
        const int writers = 8;
        const int incrementsEach = 5;
        await Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "counter" }, Data = new Dictionary<string, string> { ["n"] = "0" } },
            Namespace, cancellationToken: Token);
        await using var watch = new WatchRecorder<V1ConfigMap>(
            t => Client.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(Namespace, watch: true, cancellationToken: t)
                .ContinueWith(r => new HttpOperationResponse<object> { Request = r.Result.Request, Response = r.Result.Response }, t, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default),
            Token);
        Assert.Equal(WatchEventType.Added, (await watch.NextChangeAsync(Patience)).Type);

        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < incrementsEach; i++)
            {
                while (true)
                {
                    var current = await Client.CoreV1.ReadNamespacedConfigMapAsync("counter", Namespace, cancellationToken: Token);
                    current.Data["n"] = (int.Parse(current.Data["n"], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                    try
                    {
                        await Client.CoreV1.ReplaceNamespacedConfigMapAsync(current, "counter", Namespace, cancellationToken: Token);
                        break;
                    }
                    catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        var final = await Client.CoreV1.ReadNamespacedConfigMapAsync("counter", Namespace, cancellationToken: Token);
        Assert.Equal((writers * incrementsEach).ToString(CultureInfo.InvariantCulture), final.Data["n"]);

        // The watch sees every successful write exactly once, in resourceVersion order.
        var previous = 0L;
        for (var expected = 1; expected <= writers * incrementsEach; expected++)
        {
            var next = await watch.NextChangeAsync(Patience);
            Assert.Equal(WatchEventType.Modified, next.Type);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), next.Object.Data["n"]);
            var rv = long.Parse(next.Object.Metadata.ResourceVersion, CultureInfo.InvariantCulture);
            Assert.True(rv > previous);
            previous = rv;
        }
    }
}

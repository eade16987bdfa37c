using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Observability;
using K8sCertOperator.Tests.Controllers.Challenges;
using Prometheus;

namespace K8sCertOperator.Tests.Observability;

public sealed class ChallengeMetricsTests
{
    [Fact]
    public void ChallengesAreCountedByTypeAndStateWithMissingStateAsPending()
    {
        static Challenge Of(string type, string? state) =>
            new() { Spec = new ChallengeSpec { Type = type }, Status = state is null ? null : new ChallengeStatus { State = state } };

        var counts = ChallengeMetrics.Count([Of("HTTP-01", null), Of("HTTP-01", "pending"), Of("HTTP-01", "valid"), Of("DNS-01", "invalid")]);

        Assert.Equal(2, counts[("HTTP-01", "pending")]);
        Assert.Equal(1, counts[("HTTP-01", "valid")]);
        Assert.Equal(1, counts[("DNS-01", "invalid")]);
        Assert.Equal(3, counts.Count);
    }

    [Fact]
    public async Task AScrapeShowsTheCacheAsItIsThenAndADisposedCounterStopsSettingTheGauge()
    {
        // A challenge type no other test uses, so the process-wide gauge's series are this test's own.
        var type = "TEST-" + Guid.NewGuid().ToString("N")[..8];
        var informer = new ListInformer();
        using var metrics = ChallengeMetrics.Attach(informer);
        informer.Add(new Challenge { Metadata = new V1ObjectMeta { Name = "a", NamespaceProperty = "ns" }, Spec = new ChallengeSpec { Type = type } });
        informer.Add(new Challenge
        {
            Metadata = new V1ObjectMeta { Name = "b", NamespaceProperty = "ns" },
            Spec = new ChallengeSpec { Type = type },
            Status = new ChallengeStatus { State = AcmeStates.Valid },
        });

        var scrape = await ScrapeAsync();
        Assert.Contains($"k8scert_challenges{{type=\"{type}\",state=\"pending\"}} 1", scrape);
        Assert.Contains($"k8scert_challenges{{type=\"{type}\",state=\"valid\"}} 1", scrape);

        informer.Delete(informer.Get(new K8sCertOperator.Kube.ObjectKey("ns", "b"))!);
        scrape = await ScrapeAsync();
        Assert.DoesNotContain($"type=\"{type}\",state=\"valid\"", scrape);

        metrics.Dispose();
        informer.Add(new Challenge { Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "ns" }, Spec = new ChallengeSpec { Type = type } });
        Assert.Contains($"k8scert_challenges{{type=\"{type}\",state=\"pending\"}} 1", await ScrapeAsync());
    }

    private static async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

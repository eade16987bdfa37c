namespace K8sCertOperator.Tests.Corpus;

/// <summary>The corpus is as large as promised, names are unique, and every case states its expected outcome.</summary>
public class CorpusInventoryTests
{
    private static readonly string[] Areas = ["certificates", "issuers", "secrets", "ingress"];

    [Fact]
    public void CorpusHasAtLeastSixtyUniquelyNamedCases()
    {
        var all = Areas.SelectMany(CorpusFiles.Load).ToList();

        Assert.True(all.Count >= 60, $"only {all.Count} corpus cases");
        var duplicates = all.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "duplicate case names: " + string.Join(", ", duplicates));
    }

    [Fact]
    public void EveryCaseStatesAnOutcome()
    {
        foreach (var c in Areas.SelectMany(CorpusFiles.Load))
        {
            Assert.True(c.Expect.Count > 0, $"{c}: expect is empty");
            Assert.True(c.Input.Count > 0, $"{c}: no input");
        }
    }
}

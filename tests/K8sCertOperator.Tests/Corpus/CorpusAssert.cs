namespace K8sCertOperator.Tests.Corpus;

/// <summary>Checks an accept/reject expectation against a list of problems.</summary>
internal static class CorpusAssert
{
    public static void Outcome(CorpusCase c, string key, IReadOnlyCollection<string> problems)
    {
        var expected = c.Expected(key) ?? throw new InvalidOperationException($"{c}: expect.{key} is missing");
        Assert.True(expected is "accept" or "reject", $"{c}: expect.{key} must be accept or reject, not {expected}");
        var actual = problems.Count == 0 ? "accept" : "reject";
        Assert.True(expected == actual, $"{c}: expected {key} to {expected}, it did {actual}: {string.Join("; ", problems.Take(5))}");
    }
}

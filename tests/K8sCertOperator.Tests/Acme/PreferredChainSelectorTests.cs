using K8sCertOperator.Acme;

namespace K8sCertOperator.Tests.Acme;

/// <summary>cert-manager preferredChain choice as a table.</summary>
public class PreferredChainSelectorTests
{
    public static TheoryData<string[], string?, int> Cases => new()
    {
        { ["ISRG Root X1", "DST Root CA X3"], null, 0 },
        { ["ISRG Root X1", "DST Root CA X3"], "", 0 },
        { ["ISRG Root X1", "DST Root CA X3"], "DST Root CA X3", 1 },
        { ["ISRG Root X1", "DST Root CA X3"], "ISRG Root X1", 0 },
        { ["ISRG Root X1", "DST Root CA X3"], "Unknown Root", 0 },
        { ["A", "B", "B"], "B", 1 },          // first match wins
        { ["A", "B"], "b", 0 },               // exact, case-sensitive, like cert-manager
        { ["A"], "A", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Picks_the_first_chain_whose_top_issuer_matches_else_the_default(string[] topIssuers, string? preferred, int expected)
    {
        Assert.Equal(expected, PreferredChainSelector.Select(topIssuers, preferred));
    }
}

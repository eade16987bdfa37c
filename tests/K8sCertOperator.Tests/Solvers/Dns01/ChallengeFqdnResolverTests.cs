using K8sCertOperator.Solvers.Dns01;

namespace K8sCertOperator.Tests.Solvers.Dns01;

public sealed class ChallengeFqdnResolverTests
{
    public static TheoryData<string, string> Chains => new()
    {
        // start -> expected end, over the CNAME table below
        { "_acme-challenge.plain.example.com.", "_acme-challenge.plain.example.com." },
        { "_acme-challenge.one.example.com.", "one.acme.example.net." },
        { "_acme-challenge.two.example.com.", "one.acme.example.net." },
        { "_ACME-challenge.One.Example.com", "one.acme.example.net." },
    };

    private static readonly Dictionary<string, string> Table = new()
    {
        ["_acme-challenge.one.example.com."] = "one.acme.example.net.",
        ["_acme-challenge.two.example.com."] = "_acme-challenge.one.example.com",
        ["loop-a.example.com."] = "loop-b.example.com.",
        ["loop-b.example.com."] = "loop-a.example.com.",
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task Follows_the_chain_to_its_end(string start, string expected)
    {
        var end = await ChallengeFqdnResolver.FollowAsync(start, Lookup, 10, CancellationToken.None);
        Assert.Equal(expected, end);
    }

    [Fact]
    public async Task A_loop_is_reported()
    {
        var error = await Assert.ThrowsAsync<DnsProviderException>(
            () => ChallengeFqdnResolver.FollowAsync("loop-a.example.com.", Lookup, 10, CancellationToken.None));
        Assert.Contains("loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_longer_than_the_limit_is_reported()
    {
        var error = await Assert.ThrowsAsync<DnsProviderException>(
            () => ChallengeFqdnResolver.FollowAsync("_acme-challenge.two.example.com.", Lookup, 1, CancellationToken.None));
        Assert.Contains("longer than 1", error.Message, StringComparison.Ordinal);
    }

    private static Task<string?> Lookup(string name, CancellationToken ct) =>
        Task.FromResult(Table.TryGetValue(name, out var target) ? target : null);
}

using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Tests.Controllers.Challenges;

public class Http01TokenSyncTests
{
    internal static Challenge Challenge(string name, string type = ChallengeTypes.Http01, string? state = null, string token = "tok", string dnsName = "a.example.com") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "apps", Uid = name + "-uid" },
        Spec = new ChallengeSpec { Type = type, Token = token, Key = token + ".thumb", DnsName = dnsName },
        Status = state is null ? null : new ChallengeStatus { State = state, Presented = true },
    };

    [Theory]
    [InlineData(ChallengeTypes.Http01, null, "tok", true)]
    [InlineData(ChallengeTypes.Http01, "pending", "tok", true)]
    [InlineData(ChallengeTypes.Http01, "processing", "tok", true)]
    [InlineData(ChallengeTypes.Http01, "valid", "tok", false)]
    [InlineData(ChallengeTypes.Http01, "invalid", "tok", false)]
    [InlineData(ChallengeTypes.Http01, "errored", "tok", false)]
    [InlineData(ChallengeTypes.Dns01, null, "tok", false)]
    [InlineData(ChallengeTypes.Http01, null, "", false)]
    public void ShouldServe(string type, string? state, string token, bool expected) =>
        Assert.Equal(expected, Http01TokenSync.ShouldServe(Challenge("c", type, state, token)));

    [Fact]
    public void FollowsInformerEventsAndLoadsExistingCache()
    {
        var informer = new ListInformer();
        var store = new Http01TokenStore();
        informer.Add(Challenge("existing", token: "t0"));

        using var sync = Http01TokenSync.Attach(informer, store);
        Assert.True(store.TryGet("t0", out var existing));
        Assert.Equal("t0.thumb", existing);

        informer.Add(Challenge("c1", token: "t1"));
        informer.Add(Challenge("d1", type: ChallengeTypes.Dns01, token: "t2"));
        Assert.True(store.TryGet("t1", out _));
        Assert.False(store.TryGet("t2", out _));

        informer.Update(Challenge("c1", state: AcmeStates.Valid, token: "t1"));
        Assert.False(store.TryGet("t1", out _));

        informer.Delete(Challenge("existing", token: "t0"));
        Assert.False(store.TryGet("t0", out _));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void DisposeStopsFollowing()
    {
        var informer = new ListInformer();
        var store = new Http01TokenStore();
        Http01TokenSync.Attach(informer, store).Dispose();
        informer.Add(Challenge("c1", token: "t1"));
        Assert.False(store.TryGet("t1", out _));
    }
}

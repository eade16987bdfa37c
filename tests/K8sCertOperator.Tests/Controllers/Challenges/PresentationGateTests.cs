using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Tests.Controllers.Challenges;

public class PresentationGateTests
{
    [Fact]
    public void SecondChallengeForSameNameAndTypeWaits()
    {
        var informer = new ListInformer();
        var gate = new PresentationGate(informer);
        var first = Http01TokenSyncTests.Challenge("first", ChallengeTypes.Dns01, dnsName: "example.com");
        var second = Http01TokenSyncTests.Challenge("second", ChallengeTypes.Dns01, dnsName: "Example.com.");
        informer.Add(first);
        informer.Add(second);

        Assert.True(gate.TryEnter(first, out _));
        Assert.False(gate.TryEnter(second, out var holder));
        Assert.Equal(new ObjectKey("apps", "first"), holder);

        gate.Leave(first);
        Assert.True(gate.TryEnter(second, out _));
    }

    [Fact]
    public void OtherTypeOrNameDoesNotWait()
    {
        var informer = new ListInformer();
        var gate = new PresentationGate(informer);
        var dns = Http01TokenSyncTests.Challenge("dns", ChallengeTypes.Dns01, dnsName: "example.com");
        var http = Http01TokenSyncTests.Challenge("http", ChallengeTypes.Http01, dnsName: "example.com");
        var other = Http01TokenSyncTests.Challenge("other", ChallengeTypes.Dns01, dnsName: "b.example.com");
        informer.Add(dns);
        informer.Add(http);
        informer.Add(other);
        Assert.True(gate.TryEnter(dns, out _));
        Assert.True(gate.TryEnter(http, out _));
        Assert.True(gate.TryEnter(other, out _));
    }

    [Fact]
    public void PresentedChallengeInCacheBlocksAfterRestart()
    {
        var informer = new ListInformer();
        var presented = Http01TokenSyncTests.Challenge("presented", ChallengeTypes.Dns01, state: AcmeStates.Processing, dnsName: "example.com");
        var waiting = Http01TokenSyncTests.Challenge("waiting", ChallengeTypes.Dns01, dnsName: "example.com");
        informer.Add(presented);
        informer.Add(waiting);
        Assert.False(new PresentationGate(informer).TryEnter(waiting, out var holder));
        Assert.Equal(new ObjectKey("apps", "presented"), holder);
    }

    // Columns: type, account, wildcard of two Challenges for the same name; whether they share a slot.
    [Theory]
    [InlineData(ChallengeTypes.DnsAccount01, "https://ca/acct/1", false, ChallengeTypes.DnsAccount01, "https://ca/acct/1", true, true)]
    [InlineData(ChallengeTypes.DnsAccount01, "https://ca/acct/1", false, ChallengeTypes.DnsAccount01, "https://ca/acct/2", false, false)]
    [InlineData(ChallengeTypes.DnsAccount01, "https://ca/acct/1", false, ChallengeTypes.Dns01, "https://ca/acct/1", false, false)]
    [InlineData(ChallengeTypes.DnsPersist01, "https://ca/acct/1", false, ChallengeTypes.DnsPersist01, "https://ca/acct/2", false, true)]
    [InlineData(ChallengeTypes.DnsPersist01, "https://ca/acct/1", false, ChallengeTypes.DnsPersist01, "https://ca/acct/1", true, false)]
    [InlineData(ChallengeTypes.Dns01, "https://ca/acct/1", false, ChallengeTypes.Dns01, "https://ca/acct/2", true, true)]
    public void Slots_follow_the_record_name_each_type_writes(string typeA, string accountA, bool wildcardA, string typeB, string accountB, bool wildcardB, bool shared)
    {
        Challenge Make(string name, string type, string account, bool wildcard)
        {
            var challenge = Http01TokenSyncTests.Challenge(name, type, dnsName: "example.com");
            challenge.Spec.AccountUrl = account;
            challenge.Spec.Wildcard = wildcard;
            return challenge;
        }

        Assert.Equal(shared, PresentationGate.SlotOf(Make("a", typeA, accountA, wildcardA)) == PresentationGate.SlotOf(Make("b", typeB, accountB, wildcardB)));
    }
}

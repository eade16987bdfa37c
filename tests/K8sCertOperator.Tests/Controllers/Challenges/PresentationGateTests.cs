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
}

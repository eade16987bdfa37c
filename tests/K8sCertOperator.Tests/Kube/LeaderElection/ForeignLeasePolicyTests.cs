using k8s.Models;
using K8sCertOperator.Kube.LeaderElection;

namespace K8sCertOperator.Tests.Kube.LeaderElection;

public sealed class ForeignLeasePolicyTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    // holder, renewed (seconds before now; null: never), leaseDurationSeconds (null: not recorded), held?, reason
    [InlineData("cm-7d9f-x", 10, 60, true, "held")]
    [InlineData("cm-7d9f-x", 60, 60, true, "held")]
    [InlineData("cm-7d9f-x", 61, 60, false, "expired")]
    [InlineData("cm-7d9f-x", 30, null, true, "held")]
    [InlineData("cm-7d9f-x", 90, null, false, "expired")]
    [InlineData("cm-7d9f-x", 3000, 3600, true, "held")]
    [InlineData("cm-7d9f-x", null, 60, false, "never renewed")]
    [InlineData("", 1, 60, false, "released (no holder)")]
    [InlineData(null, 1, 60, false, "released (no holder)")]
    public void DecidesFromHolderAndRenewal(string? holder, int? renewedSecondsAgo, int? durationSeconds, bool held, string reason)
    {
        var lease = new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "cert-manager-controller", NamespaceProperty = "kube-system" },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = holder,
                RenewTime = renewedSecondsAgo is { } ago ? Now.AddSeconds(-ago) : null,
                LeaseDurationSeconds = durationSeconds,
            },
        };

        var verdict = ForeignLeasePolicy.Decide(lease, Now);

        Assert.Equal(held, verdict.Held);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(string.IsNullOrEmpty(holder) ? null : holder, verdict.Holder);
    }

    [Fact]
    public void NoLeaseIsFree()
    {
        var verdict = ForeignLeasePolicy.Decide(null, Now);

        Assert.False(verdict.Held);
        Assert.Equal("no Lease", verdict.Reason);
    }
}

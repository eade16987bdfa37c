using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Tests.Kube.Reconcile;

public class QueueActionTests
{
    public static TheoryData<string, ReconcileResult, bool, double?, bool> Cases => new()
    {
        // description, result, forget, requeueAfter (s), rateLimited
        { "success", ReconcileResult.Success(), true, null, false },
        { "success with requeue", ReconcileResult.Success(TimeSpan.FromMinutes(5)), true, 300, false },
        { "success with zero requeue", ReconcileResult.Success(TimeSpan.Zero), true, null, false },
        { "failure backs off", ReconcileResult.Failure("acme down"), false, null, true },
        { "failure with explicit delay", ReconcileResult.Failure("rate limited by CA", TimeSpan.FromHours(1)), false, 3600, false },
        { "failure with negative delay backs off", ReconcileResult.Failure("x", TimeSpan.FromSeconds(-1)), false, null, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ResultMapsToQueueAction(string description, ReconcileResult result, bool forget, double? requeueSeconds, bool rateLimited)
    {
        var action = QueueAction.For(result);
        Assert.True(forget == action.Forget, description);
        Assert.Equal(requeueSeconds is null ? null : TimeSpan.FromSeconds(requeueSeconds.Value), action.RequeueAfter);
        Assert.True(rateLimited == action.RateLimited, description);
    }

    [Fact]
    public void ResultFactoriesCarryTheirData()
    {
        var failure = ReconcileResult.Failure("why", TimeSpan.FromSeconds(3));
        Assert.False(failure.IsSuccess);
        Assert.Equal("why", failure.Reason);
        Assert.Equal(TimeSpan.FromSeconds(3), failure.RequeueAfter);
        Assert.True(ReconcileResult.Success().IsSuccess);
        Assert.Null(ReconcileResult.Success().Reason);
    }
}

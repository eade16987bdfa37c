using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class OrderStepPlannerTests
{
    [Theory]
    [InlineData(null, null, false, OrderStep.CreateOrder)]
    [InlineData("", null, false, OrderStep.CreateOrder)]
    [InlineData("https://ca/order/1", null, false, OrderStep.SyncWithServer)]
    [InlineData("https://ca/order/1", "pending", false, OrderStep.SyncWithServer)]
    [InlineData("https://ca/order/1", "ready", false, OrderStep.SyncWithServer)]
    [InlineData("https://ca/order/1", "processing", false, OrderStep.SyncWithServer)]
    [InlineData("https://ca/order/1", "valid", true, OrderStep.CleanUpChallenges)]
    [InlineData("https://ca/order/1", "valid", false, OrderStep.SyncWithServer)]
    [InlineData("https://ca/order/1", "invalid", false, OrderStep.CleanUpChallenges)]
    [InlineData("https://ca/order/1", "expired", false, OrderStep.CleanUpChallenges)]
    [InlineData(null, "errored", false, OrderStep.CleanUpChallenges)]
    public void LocalStatusDecidesFirstStep(string? url, string? state, bool hasCertificate, OrderStep expected)
    {
        var status = new OrderStatus { Url = url, State = state, Certificate = hasCertificate ? [1, 2, 3] : null };
        Assert.Equal(expected, OrderStepPlanner.ForLocalStatus(status));
    }

    [Fact]
    public void NoStatusMeansCreate() => Assert.Equal(OrderStep.CreateOrder, OrderStepPlanner.ForLocalStatus(null));

    [Theory]
    [InlineData("pending", OrderStep.EnsureChallenges, "pending")]
    [InlineData("ready", OrderStep.Finalize, "ready")]
    [InlineData("processing", OrderStep.WaitForIssuance, "processing")]
    [InlineData("valid", OrderStep.DownloadCertificate, "valid")]
    [InlineData("invalid", OrderStep.MarkFailed, "invalid")]
    [InlineData("expired", OrderStep.MarkFailed, "expired")]
    [InlineData("deactivated", OrderStep.MarkFailed, "invalid")]
    [InlineData("something-new", OrderStep.WaitForIssuance, "pending")]
    public void ServerStatusDecidesNextStep(string acmeStatus, OrderStep expected, string localState)
    {
        Assert.Equal(expected, OrderStepPlanner.ForServerStatus(acmeStatus));
        Assert.Equal(localState, OrderStepPlanner.LocalState(acmeStatus));
    }
}

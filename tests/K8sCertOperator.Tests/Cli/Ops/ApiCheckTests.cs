using K8sCertOperator.Cli.Ops;

namespace K8sCertOperator.Tests.Cli.Ops;

public sealed class ApiCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("pod-a", 3, 15, true)]
    [InlineData("pod-a", 15, 15, true)]
    [InlineData("pod-a", 16, 15, false)]
    [InlineData("pod-a", 20, null, false)]
    [InlineData("pod-a", 10, null, true)]
    [InlineData("", 1, 15, false)]
    [InlineData(null, 1, 15, false)]
    public void LeaseIsFreshWhenHeldAndRenewedWithinItsDuration(string? holder, int secondsAgo, int? duration, bool fresh)
    {
        var problem = ApiCheck.LeaseProblem(holder, Now.UtcDateTime.AddSeconds(-secondsAgo), duration, Now, "ns/lease");
        Assert.Equal(fresh, problem is null);
    }

    [Fact]
    public void NeverRenewedLeaseIsAProblem() =>
        Assert.Contains("never renewed", ApiCheck.LeaseProblem("pod-a", null, 15, Now, "ns/lease"), StringComparison.Ordinal);
}

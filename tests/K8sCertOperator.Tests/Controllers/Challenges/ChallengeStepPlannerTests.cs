using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;

namespace K8sCertOperator.Tests.Controllers.Challenges;

public class ChallengeStepPlannerTests
{
    [Theory]
    [InlineData(true, true, null, null, null, ChallengeStep.CleanUpAndRelease)]
    [InlineData(true, false, null, null, null, ChallengeStep.None)]
    [InlineData(true, true, "valid", false, false, ChallengeStep.CleanUpAndRelease)]
    [InlineData(false, false, null, null, null, ChallengeStep.AddFinalizer)]
    [InlineData(false, false, "valid", false, false, ChallengeStep.AddFinalizer)]
    [InlineData(false, true, null, null, null, ChallengeStep.Present)]
    [InlineData(false, true, "pending", false, null, ChallengeStep.Present)]
    [InlineData(false, true, "pending", true, true, ChallengeStep.CheckAndAccept)]
    [InlineData(false, true, null, true, true, ChallengeStep.CheckAndAccept)]
    [InlineData(false, true, "processing", true, true, ChallengeStep.PollAuthorization)]
    [InlineData(false, true, "valid", true, true, ChallengeStep.CleanUp)]
    [InlineData(false, true, "invalid", false, true, ChallengeStep.CleanUp)]
    [InlineData(false, true, "errored", true, false, ChallengeStep.CleanUp)]
    [InlineData(false, true, "valid", false, false, ChallengeStep.None)]
    [InlineData(false, true, "errored", null, null, ChallengeStep.None)]
    public void NextStep(bool deleting, bool hasFinalizer, string? state, bool? presented, bool? processing, ChallengeStep expected)
    {
        var status = state is null && presented is null && processing is null
            ? null
            : new ChallengeStatus { State = state, Presented = presented, Processing = processing };
        Assert.Equal(expected, ChallengeStepPlanner.Next(deleting, hasFinalizer, status));
    }

    /// <summary>A take-over: cert-manager's Challenges (presented by its solver, or whose Order is gone).</summary>
    [Theory]
    [InlineData(false, true, "pending", true, true, false, false, ChallengeStep.Present)]
    [InlineData(false, true, "processing", true, true, false, false, ChallengeStep.Present)]
    [InlineData(false, true, "pending", true, true, true, false, ChallengeStep.CheckAndAccept)]
    [InlineData(false, true, "valid", true, true, false, false, ChallengeStep.CleanUp)]
    [InlineData(false, true, "pending", true, true, true, true, ChallengeStep.DeleteOrphan)]
    [InlineData(false, false, null, null, null, false, true, ChallengeStep.DeleteOrphan)]
    [InlineData(false, true, "valid", false, false, true, true, ChallengeStep.DeleteOrphan)]
    [InlineData(true, true, "pending", true, true, false, true, ChallengeStep.CleanUpAndRelease)]
    [InlineData(true, false, "pending", true, true, false, true, ChallengeStep.None)]
    public void NextStepAfterATakeOver(bool deleting, bool hasFinalizer, string? state, bool? presented, bool? processing, bool presentedHere, bool orphaned, ChallengeStep expected)
    {
        var status = state is null && presented is null && processing is null
            ? null
            : new ChallengeStatus { State = state, Presented = presented, Processing = processing };
        Assert.Equal(expected, ChallengeStepPlanner.Next(deleting, hasFinalizer, status, presentedHere, orphaned));
    }

    [Theory]
    [InlineData("valid", "valid")]
    [InlineData("invalid", "invalid")]
    [InlineData("deactivated", "invalid")]
    [InlineData("revoked", "invalid")]
    [InlineData("expired", "expired")]
    [InlineData("pending", null)]
    [InlineData("processing", null)]
    [InlineData(null, null)]
    public void AuthorizationStatusToState(string? authz, string? expected) =>
        Assert.Equal(expected, ChallengeStepPlanner.StateForAuthorization(authz));
}

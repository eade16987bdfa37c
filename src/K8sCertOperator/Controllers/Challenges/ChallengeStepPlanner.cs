using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Pure decision of the next Challenge step from its metadata and status.</summary>
public static class ChallengeStepPlanner
{
    public static ChallengeStep Next(bool deleting, bool hasFinalizer, ChallengeStatus? status)
    {
        if (deleting)
        {
            return hasFinalizer ? ChallengeStep.CleanUpAndRelease : ChallengeStep.None;
        }
        if (!hasFinalizer)
        {
            return ChallengeStep.AddFinalizer;
        }
        if (AcmeStates.IsFinal(status?.State))
        {
            return status!.Presented == true || status.Processing == true ? ChallengeStep.CleanUp : ChallengeStep.None;
        }
        if (status?.Presented != true)
        {
            return ChallengeStep.Present;
        }
        return status.State == AcmeStates.Processing ? ChallengeStep.PollAuthorization : ChallengeStep.CheckAndAccept;
    }

    /// <summary>Our state for an authorization status read while polling; null while it is still being decided.</summary>
    public static string? StateForAuthorization(string? authorizationStatus) => authorizationStatus switch
    {
        Acme.Resources.AcmeStatus.Valid => AcmeStates.Valid,
        Acme.Resources.AcmeStatus.Invalid or Acme.Resources.AcmeStatus.Deactivated or Acme.Resources.AcmeStatus.Revoked => AcmeStates.Invalid,
        Acme.Resources.AcmeStatus.Expired => AcmeStates.Expired,
        _ => null,
    };
}

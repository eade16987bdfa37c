using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Pure decision of the next Challenge step from its metadata and status.</summary>
public static class ChallengeStepPlanner
{
    /// <param name="deleting">The Challenge has a deletion timestamp.</param>
    /// <param name="hasFinalizer">It carries the finalizer (cert-manager's legacy name reads as today's).</param>
    /// <param name="status">Its status.</param>
    /// <param name="presentedHere">
    /// This controller presented it (the presented-at annotation): false for one cert-manager presented before a
    /// take-over, whose solver pieces the operator does not serve, so it is presented again.
    /// </param>
    /// <param name="orphaned">The Order it belongs to is gone: nothing will ever finish or delete it.</param>
    public static ChallengeStep Next(bool deleting, bool hasFinalizer, ChallengeStatus? status, bool presentedHere = true, bool orphaned = false)
    {
        if (deleting)
        {
            return hasFinalizer ? ChallengeStep.CleanUpAndRelease : ChallengeStep.None;
        }
        if (orphaned)
        {
            return ChallengeStep.DeleteOrphan;
        }
        if (!hasFinalizer)
        {
            return ChallengeStep.AddFinalizer;
        }
        if (AcmeStates.IsFinal(status?.State))
        {
            return status!.Presented == true || status.Processing == true ? ChallengeStep.CleanUp : ChallengeStep.None;
        }
        if (status?.Presented != true || !presentedHere)
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

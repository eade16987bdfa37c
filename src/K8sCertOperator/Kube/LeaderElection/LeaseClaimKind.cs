namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>What a candidate does with the Lease it just read.</summary>
public enum LeaseClaimKind
{
    /// <summary>No Lease exists: create it, held by us.</summary>
    Create,

    /// <summary>We hold it: replace it with a fresh renewTime.</summary>
    Renew,

    /// <summary>Nobody holds it, or the holder's claim expired: replace it with us as the holder.</summary>
    TakeOver,

    /// <summary>Someone else holds an unexpired claim: write nothing.</summary>
    HeldByOther,
}

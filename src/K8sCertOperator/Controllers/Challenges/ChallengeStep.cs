namespace K8sCertOperator.Controllers.Challenges;

/// <summary>What the Challenge controller does next for a Challenge.</summary>
public enum ChallengeStep
{
    /// <summary>Nothing left to do.</summary>
    None,

    /// <summary>Being deleted: clean up, then release the finalizer.</summary>
    CleanUpAndRelease,

    /// <summary>Its Order is gone (cert-manager left it behind): delete it, so clean-up runs and the finalizer is released.</summary>
    DeleteOrphan,

    /// <summary>Add the finalizer first, so clean-up is guaranteed to run.</summary>
    AddFinalizer,

    /// <summary>Publish the HTTP response or TXT record.</summary>
    Present,

    /// <summary>Presented: check it is visible, then tell the ACME server to validate.</summary>
    CheckAndAccept,

    /// <summary>Accepted: poll the authorization until it is valid or invalid.</summary>
    PollAuthorization,

    /// <summary>Final but still presented/processing: withdraw what was presented.</summary>
    CleanUp,
}

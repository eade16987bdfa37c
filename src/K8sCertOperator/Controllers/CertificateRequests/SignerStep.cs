namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>What the signer does next with one CertificateRequest; see <see cref="SignerGate"/>.</summary>
public enum SignerStep
{
    /// <summary>Not ours to sign (external issuer group), or finished: Ready=True or failed for good.</summary>
    Leave,

    /// <summary>Denied and not yet marked: Ready=False reason Denied, failureTime, a Warning Event.</summary>
    MarkDenied,

    /// <summary>Neither approved nor denied: Ready=False reason Pending, waiting for approval.</summary>
    AwaitApproval,

    /// <summary>Approved: validate and sign.</summary>
    Sign,
}

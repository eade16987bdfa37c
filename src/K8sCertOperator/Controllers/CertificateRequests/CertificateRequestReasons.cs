namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>Reasons on a CertificateRequest's Ready condition and Events, named as cert-manager's.</summary>
public static class CertificateRequestReasons
{
    /// <summary>Not signed yet: waiting for approval, for the issuer, or for another controller.</summary>
    public const string Pending = "Pending";

    /// <summary>Terminal: the request cannot be signed (invalid, or the issuer failed for good).</summary>
    public const string Failed = "Failed";

    /// <summary>Terminal: an approver or `deny NAME` refused it.</summary>
    public const string Denied = "Denied";

    /// <summary>Ready=True: status.certificate holds the signed chain.</summary>
    public const string Issued = "Issued";
}

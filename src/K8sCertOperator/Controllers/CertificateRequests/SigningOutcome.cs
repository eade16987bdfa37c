using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>One signing attempt: issued material, or a reason to wait (retried) or to fail for good.</summary>
public sealed record SigningOutcome(IssuedMaterial? Issued, string? PendingMessage, string? FailedMessage)
{
    public static SigningOutcome Wait(string message) => new(null, message, null);

    public static SigningOutcome Fail(string message) => new(null, null, message);
}

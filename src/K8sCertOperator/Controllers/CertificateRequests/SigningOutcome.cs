using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>One signing attempt: issued material, or a reason to wait (retried) or to fail for good.</summary>
public sealed record SigningOutcome(IssuedMaterial? Issued, string? PendingMessage, string? FailedMessage)
{
    /// <summary>True when what is awaited reports back by itself (an Order's status), so no retry timer is needed.</summary>
    public bool WakesItself { get; init; }

    public static SigningOutcome Wait(string message) => new(null, message, null);

    /// <summary>Waiting on the Order of the same name; the message stays the same while it runs, so it is written once.</summary>
    public static SigningOutcome WaitForOrder(string orderName) => new(null, $"Waiting on Order {orderName}", null) { WakesItself = true };

    public static SigningOutcome Fail(string message) => new(null, null, message);
}

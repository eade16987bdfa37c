namespace K8sCertOperator.Policies;

/// <summary>
/// An ACME request that failed because of the server or the network, not because the server refused it: the
/// object keeps its state and is retried soon.
/// </summary>
/// <param name="EventReason">Reason of the Warning Event (one of <see cref="AcmeServerFailurePolicy"/>'s constants).</param>
/// <param name="Message">Stable text for status.reason and the Event: the same outage gives the same text, so both dedupe.</param>
/// <param name="RetryAfter">A delay the server asked for (429/503), if any.</param>
public sealed record AcmeServerFailure(string EventReason, string Message, TimeSpan? RetryAfter = null);

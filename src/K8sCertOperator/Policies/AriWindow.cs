namespace K8sCertOperator.Policies;

/// <summary>An ACME Renewal Information suggested window (RFC 9773): renew at some point between Start and End.</summary>
public sealed record AriWindow(DateTimeOffset Start, DateTimeOffset End);

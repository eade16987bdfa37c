namespace K8sCertOperator.Api.Acme;

/// <summary>ACME object states (RFC 8555 §7.1.6) plus "errored" for local failures.</summary>
public static class AcmeStates
{
    public const string Valid = "valid";
    public const string Ready = "ready";
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Invalid = "invalid";
    public const string Expired = "expired";
    public const string Errored = "errored";

    public static IReadOnlyList<string> All { get; } = [Valid, Ready, Pending, Processing, Invalid, Expired, Errored];

    /// <summary>True for states no further work can change.</summary>
    public static bool IsFinal(string? state) =>
        state is Valid or Invalid or Expired or Errored;

    /// <summary>True for final states that did not produce a certificate or validation.</summary>
    public static bool IsFailure(string? state) =>
        state is Invalid or Expired or Errored;
}

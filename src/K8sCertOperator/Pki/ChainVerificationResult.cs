namespace K8sCertOperator.Pki;

/// <summary>Outcome of a chain verification: Ok, or the reason it failed.</summary>
public sealed record ChainVerificationResult(bool Ok, string? Error)
{
    public static ChainVerificationResult Success { get; } = new(true, null);

    public static ChainVerificationResult Failure(string error) => new(false, error);
}

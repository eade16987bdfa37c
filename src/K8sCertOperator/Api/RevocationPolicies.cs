namespace K8sCertOperator.Api;

/// <summary>Values of <c>spec.revocationPolicy</c> (ours; cert-manager has no such field).</summary>
public static class RevocationPolicies
{
    public const string Never = "Never";

    /// <summary>Revoke the current certificate with the issuer when the Certificate is deleted.</summary>
    public const string RevokeOnDelete = "RevokeOnDelete";

    public static IReadOnlyList<string> All { get; } = [Never, RevokeOnDelete];
    public const string Default = Never;
}

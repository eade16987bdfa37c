using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Revocation;

/// <summary>The finalizer that holds a RevokeOnDelete Certificate's deletion until its certificate is revoked.</summary>
public static class RevocationFinalizer
{
    public const string Name = ApiGroups.Cert + "/revoke-on-delete";

    /// <summary>RFC 5280 CRLReason cessationOfOperation: the certificate is no longer needed.</summary>
    public const int CessationOfOperation = 5;

    /// <summary>True when the Certificate asks to be revoked on deletion.</summary>
    public static bool IsWanted(Certificate certificate) =>
        string.Equals(certificate?.Spec?.RevocationPolicy, RevocationPolicies.RevokeOnDelete, StringComparison.Ordinal);
}

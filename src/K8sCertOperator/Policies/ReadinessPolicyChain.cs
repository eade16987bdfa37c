using K8sCertOperator.Api;

namespace K8sCertOperator.Policies;

/// <summary>
/// Computes the Ready condition from the Secret alone, with cert-manager's readiness chain: a certificate that
/// is valid for the spec's names and not expired is Ready even when it is due for renewal, was issued by a
/// previous issuerRef, or has a key that no longer matches spec.privateKey (it still serves correctly until
/// replaced). The Issuing condition is deliberately not consulted: a failed issuance leaves Ready as the stored
/// certificate warrants.
/// </summary>
public static class ReadinessPolicyChain
{
    public const string ReadyMessage = "Certificate is up to date and has not expired";

    public static ReissuePolicyChain Chain { get; } = new(
    [
        new(nameof(SecretPolicies.SecretDoesNotExist), SecretPolicies.SecretDoesNotExist),
        new(nameof(SecretPolicies.SecretIsMissingData), SecretPolicies.SecretIsMissingData),
        new(nameof(SecretPolicies.SecretKeyPairInvalid), SecretPolicies.SecretKeyPairInvalid),
        new(nameof(CertificatePolicies.CertificateMismatchesSpec), CertificatePolicies.CertificateMismatchesSpec),
        new(nameof(X509FieldsPolicies.CertificateX509FieldsMismatchSpec), X509FieldsPolicies.CertificateX509FieldsMismatchSpec),
        new(nameof(CertificatePolicies.CertificateHasExpired), CertificatePolicies.CertificateHasExpired),
    ]);

    public static ReadinessResult Evaluate(ReissueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Chain.Evaluate(input) is { } decision
            ? new(ConditionStatus.False, decision.Reason, decision.Message)
            : new(ConditionStatus.True, ConditionReasons.Ready, ReadyMessage);
    }
}

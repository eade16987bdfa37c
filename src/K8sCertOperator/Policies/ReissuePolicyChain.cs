namespace K8sCertOperator.Policies;

/// <summary>
/// Ordered re-issue checks, cert-manager style: the first that fires decides. Reading <see cref="Default"/>
/// top to bottom lists every reason a certificate is (re-)issued.
/// </summary>
public sealed class ReissuePolicyChain
{
    public ReissuePolicyChain(IReadOnlyList<ReissuePolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Policies = policies;
    }

    public static ReissuePolicyChain Default { get; } = new(
    [
        new(nameof(SecretPolicies.SecretDoesNotExist), SecretPolicies.SecretDoesNotExist),
        new(nameof(SecretPolicies.SecretIsMissingData), SecretPolicies.SecretIsMissingData),
        new(nameof(SecretPolicies.SecretKeyPairInvalid), SecretPolicies.SecretKeyPairInvalid),
        new(nameof(SecretPolicies.SecretPrivateKeyMismatchesSpec), SecretPolicies.SecretPrivateKeyMismatchesSpec),
        new(nameof(SecretPolicies.SecretIssuerAnnotationsMismatch), SecretPolicies.SecretIssuerAnnotationsMismatch),
        new(nameof(SecretPolicies.SecretCertificateNameMismatch), SecretPolicies.SecretCertificateNameMismatch),
        new(nameof(CertificatePolicies.CertificateMismatchesSpec), CertificatePolicies.CertificateMismatchesSpec),
        new(nameof(X509FieldsPolicies.CertificateX509FieldsMismatchSpec), X509FieldsPolicies.CertificateX509FieldsMismatchSpec),
        new(nameof(RequestPolicies.CertificateRequestMismatchesSpec), RequestPolicies.CertificateRequestMismatchesSpec),
        new(nameof(CertificatePolicies.CertificateHasExpired), CertificatePolicies.CertificateHasExpired),
        new(nameof(CertificatePolicies.CertificateNearingExpiry), CertificatePolicies.CertificateNearingExpiry),
        new(nameof(CertificatePolicies.ManuallyTriggered), CertificatePolicies.ManuallyTriggered),
    ]);

    public IReadOnlyList<ReissuePolicy> Policies { get; }

    /// <summary>The first decision of the chain, or null when the Secret is up to date.</summary>
    public ReissueDecision? Evaluate(ReissueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var policy in Policies)
        {
            if (policy.Check(input) is { } decision)
            {
                return decision;
            }
        }

        return null;
    }
}

using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>DNS-01 solver: exactly one provider, plus how to treat CNAMEs on _acme-challenge.</summary>
public sealed class AcmeChallengeSolverDns01 : AcmeDnsProviders
{
    /// <summary>
    /// Our own (not in cert-manager): when true and the CA offers dns-account-01, write the TXT value at
    /// <c>_LABEL._acme-challenge.NAME</c> (LABEL derived from the ACME account URL) instead of
    /// <c>_acme-challenge.NAME</c>, so several accounts can validate one name at once; dns-01 otherwise.
    /// </summary>
    [JsonPropertyName("accountScoped")]
    public bool? AccountScoped { get; set; }
}

using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>cert-manager's spec.renewal: whether renewal is automatic and the windows it may start in.</summary>
public sealed class CertificateRenewal
{
    /// <summary>One of <see cref="RenewalPolicies"/>; unset means <see cref="RenewalPolicies.RenewBefore"/>.</summary>
    [JsonPropertyName("policy")]
    public string? Policy { get; set; }

    /// <summary>Renewal starts at the first window opening at or after the renewBefore time.</summary>
    [JsonPropertyName("windows")]
    public List<CertificateRenewalWindow>? Windows { get; set; }
}

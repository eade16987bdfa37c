using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>ACME account state recorded on the issuer status.</summary>
public sealed class AcmeIssuerStatus
{
    /// <summary>Account URL returned by the server on registration.</summary>
    [JsonPropertyName("uri")]
    public string? Uri { get; set; }

    /// <summary>Email the account was last registered with; a change triggers an account update.</summary>
    [JsonPropertyName("lastRegisteredEmail")]
    public string? LastRegisteredEmail { get; set; }

    /// <summary>Hash of the account key last registered; a change triggers re-registration.</summary>
    [JsonPropertyName("lastPrivateKeyHash")]
    public string? LastPrivateKeyHash { get; set; }
}

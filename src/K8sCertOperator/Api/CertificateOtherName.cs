using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>An otherName subject alternative name with a UTF8String value (cert-manager's spec.otherNames item).</summary>
public sealed class CertificateOtherName
{
    /// <summary>Dotted object identifier of the name type, e.g. 1.3.6.1.4.1.311.20.2.3 for a UPN.</summary>
    [JsonPropertyName("oid")]
    public string? Oid { get; set; }

    [JsonPropertyName("utf8Value")]
    public string? Utf8Value { get; set; }
}

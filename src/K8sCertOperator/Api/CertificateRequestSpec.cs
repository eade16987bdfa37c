using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>What a CertificateRequest asks for; immutable after creation (a CEL transition rule).</summary>
public sealed class CertificateRequestSpec
{
    /// <summary>The PEM-encoded PKCS#10 request (base64 on the wire, as every byte field).</summary>
    [JsonPropertyName("request")]
    public byte[] Request { get; set; } = [];

    [JsonPropertyName("issuerRef")]
    public ObjectReference IssuerRef { get; set; } = new();

    /// <summary>Requested lifetime as a Go duration; parse with <see cref="GoDuration"/>. Default 90 days.</summary>
    [JsonPropertyName("duration")]
    public string? Duration { get; set; }

    /// <summary>See <see cref="KeyUsages"/>; empty means <see cref="KeyUsages.Default"/>.</summary>
    [JsonPropertyName("usages")]
    public List<string>? Usages { get; set; }

    [JsonPropertyName("isCA")]
    public bool? IsCA { get; set; }
}

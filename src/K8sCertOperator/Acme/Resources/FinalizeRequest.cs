using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>Payload of a finalize request: the base64url DER CSR.</summary>
internal sealed record FinalizeRequest([property: JsonPropertyName("csr")] string Csr);

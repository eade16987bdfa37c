using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>Payload that changes an object's status, e.g. account deactivation.</summary>
internal sealed record StatusUpdateRequest([property: JsonPropertyName("status")] string Status);

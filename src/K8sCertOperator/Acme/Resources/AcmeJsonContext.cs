using System.Text.Json.Serialization;
using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Acme.Resources;

/// <summary>Source-generated JSON metadata for every ACME wire type.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(AcmeDirectory))]
[JsonSerializable(typeof(AcmeAccount))]
[JsonSerializable(typeof(AcmeOrder))]
[JsonSerializable(typeof(AcmeAuthorization))]
[JsonSerializable(typeof(AcmeChallenge))]
[JsonSerializable(typeof(AcmeProblem))]
[JsonSerializable(typeof(AcmeRenewalInfo))]
[JsonSerializable(typeof(NewAccountRequest))]
[JsonSerializable(typeof(NewOrderRequest))]
[JsonSerializable(typeof(FinalizeRequest))]
[JsonSerializable(typeof(RevokeRequest))]
[JsonSerializable(typeof(KeyChangeRequest))]
[JsonSerializable(typeof(StatusUpdateRequest))]
[JsonSerializable(typeof(EmptyObject))]
[JsonSerializable(typeof(JwsMessage))]
[JsonSerializable(typeof(Jwk))]
internal sealed partial class AcmeJsonContext : JsonSerializerContext;

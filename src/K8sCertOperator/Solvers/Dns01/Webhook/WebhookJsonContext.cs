using System.Text.Json.Serialization;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>
/// Source-generated (NativeAOT-safe) JSON for the webhook wire types. Default options, as the reflection
/// serializer used before: names come from the [JsonPropertyName] attributes, reading is case-sensitive.
/// </summary>
[JsonSerializable(typeof(ChallengePayload))]
[JsonSerializable(typeof(ChallengeResponse))]
[JsonSerializable(typeof(ChallengeResponseStatus))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;

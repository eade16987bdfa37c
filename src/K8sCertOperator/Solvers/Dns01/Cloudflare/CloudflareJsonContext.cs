using System.Text.Json.Serialization;

namespace K8sCertOperator.Solvers.Dns01.Cloudflare;

/// <summary>Source-generated (NativeAOT-safe) JSON for the Cloudflare request bodies; responses are read as JsonNode.</summary>
[JsonSerializable(typeof(CloudflareTxtRecordRequest))]
internal sealed partial class CloudflareJsonContext : JsonSerializerContext;

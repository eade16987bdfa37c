using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>A key inside a Secret in the same namespace as the referrer (the cluster resource namespace for ClusterIssuers).</summary>
public sealed class SecretKeySelector
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Key in the Secret's data; each user of the selector documents its default when absent.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }
}

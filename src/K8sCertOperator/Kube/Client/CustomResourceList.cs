using System.Text.Json.Serialization;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>Wire shape of a custom resource list response (items plus list metadata).</summary>
internal sealed class CustomResourceList<T>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public List<T>? Items { get; set; }
}

using System.Text.Json.Serialization;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>Wire shape of any LIST response: the items and the list's metadata (its resourceVersion starts a watch).</summary>
public sealed class KubeList<T>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public List<T>? Items { get; set; }
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// An object as the API server returns it when asked for metadata only (meta.k8s.io/v1 PartialObjectMetadata):
/// names, labels, annotations, resourceVersion, and none of the data. Used to watch Secrets without their content.
/// </summary>
public sealed class PartialObjectMetadata : IKubernetesObject<V1ObjectMeta>
{
    public const string ApiGroupVersion = "meta.k8s.io/v1";

    /// <summary>Accept header for a list: kube-apiserver answers with a PartialObjectMetadataList.</summary>
    public const string ListMediaType = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

    /// <summary>Accept header for a watch or a single object: each object is a PartialObjectMetadata.</summary>
    public const string ObjectMediaType = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroupVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "PartialObjectMetadata";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();
}

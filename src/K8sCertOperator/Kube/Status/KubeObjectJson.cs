using System.Text.Json.Nodes;
using k8s;

namespace K8sCertOperator.Kube.Status;

/// <summary>JSON helpers over KubernetesClient's serializer: deep clone and field extraction.</summary>
public static class KubeObjectJson
{
    /// <summary>Deep copy via a JSON round trip, so mutations never touch cached objects.</summary>
    public static T Clone<T>(T obj)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(obj);
        return KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));
    }

    /// <summary>The top-level <paramref name="field"/> of the serialized object, or null.</summary>
    public static JsonNode? Field(object obj, string field)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var node = JsonNode.Parse(KubernetesJson.Serialize(obj));
        return node is JsonObject o ? o[field] : null;
    }
}

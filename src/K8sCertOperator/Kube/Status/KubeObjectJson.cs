using System.Text.Json.Nodes;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Kube.Status;

/// <summary>JSON helpers over the API serializer (<see cref="KubeJson"/>): field extraction (deep copies are KubeJson.Clone).</summary>
public static class KubeObjectJson
{
    /// <summary>The top-level <paramref name="field"/> of the serialized object, or null.</summary>
    public static JsonNode? Field<T>(T obj, string field)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(obj);
        var node = JsonNode.Parse(KubeJson.Serialize(obj));
        return node is JsonObject o ? o[field] : null;
    }
}

using System.Text.Json.Nodes;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Kube.Status;

/// <summary>JSON helpers over the API serializer (<see cref="KubeJson"/>): deep clone and field extraction.</summary>
public static class KubeObjectJson
{
    /// <summary>Deep copy via a JSON round trip, so mutations never touch cached objects.</summary>
    public static T Clone<T>(T obj)
        where T : class => KubeJson.Clone(obj);

    /// <summary>The top-level <paramref name="field"/> of the serialized object, or null.</summary>
    public static JsonNode? Field<T>(T obj, string field)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(obj);
        var node = JsonNode.Parse(KubeJson.Serialize(obj));
        return node is JsonObject o ? o[field] : null;
    }
}

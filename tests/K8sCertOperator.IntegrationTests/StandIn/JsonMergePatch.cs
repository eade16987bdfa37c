using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>RFC 7386 JSON merge patch (also used, simplified, for strategic merge patch).</summary>
public static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/>; the inputs are not changed.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Apply(result[key], value);
                result.Remove(key);
                result[key] = merged;
            }
        }
        return result;
    }
}

using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Fields the real server's built-in controllers and defaulting would have filled in at create time.</summary>
internal static class BuiltInDefaults
{
    public static void OnCreate(ResourceType type, JsonObject body)
    {
        switch (type.Group, type.Plural)
        {
            case ("", "namespaces"):
                body["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case ("", "secrets") when body["type"] is null:
                body["type"] = "Opaque";
                break;
            case ("apiextensions.k8s.io", "customresourcedefinitions"):
                // The real server accepts names and establishes a CRD within moments; here it is immediate.
                var spec = body["spec"] as JsonObject;
                var storedVersions = new JsonArray();
                foreach (var version in (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if ((bool?)version["storage"] == true)
                    {
                        storedVersions.Add((string?)version["name"]);
                    }
                }
                body["status"] = new JsonObject
                {
                    ["acceptedNames"] = spec?["names"]?.DeepClone(),
                    ["storedVersions"] = storedVersions,
                    ["conditions"] = new JsonArray(
                        Condition("NamesAccepted", "NoConflicts"),
                        Condition("Established", "InitialNamesAccepted")),
                };
                break;
        }
    }

    /// <summary>Side effects of a successful create or update: a CRD write (re)registers the resources it serves.</summary>
    public static void AfterWrite(ResourceType type, JsonObject stored, ResourceRegistry registry)
    {
        if (type is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" } && !ObjectMeta.IsTerminating(stored))
        {
            registry.RegisterCrd(stored);
        }
    }

    private static JsonObject Condition(string type, string reason) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["lastTransitionTime"] = ObjectMeta.Timestamp(DateTimeOffset.UtcNow),
    };
}

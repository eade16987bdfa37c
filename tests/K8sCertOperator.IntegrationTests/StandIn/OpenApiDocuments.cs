using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// The OpenAPI v3 discovery kubectl reads before it writes: the /openapi/v3 index of group versions and, per group
/// version, the PATCH operations with their x-kubernetes-group-version-kind and query parameters. kubectl looks only for
/// the fieldValidation parameter there (server-side field validation) and falls back to merge patches for kinds whose
/// schema it does not find, so no schemas are published; without these documents it refuses to apply at all.
/// </summary>
internal static class OpenApiDocuments
{
    private static readonly string[] PatchParameters = ["dryRun", "fieldManager", "fieldValidation", "force"];

    public static JsonObject Index(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var apiVersion in registry.All.Select(t => t.ApiVersion).Distinct())
        {
            var path = Prefix(apiVersion).TrimStart('/');
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    public static JsonObject? GroupVersion(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var paths = new JsonObject();
        foreach (var type in types)
        {
            var item = type.Namespaced
                ? $"{Prefix(type.ApiVersion)}/namespaces/{{namespace}}/{type.Plural}/{{name}}"
                : $"{Prefix(type.ApiVersion)}/{type.Plural}/{{name}}";
            paths[item] = new JsonObject { ["patch"] = Patch(type) };
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = DiscoveryDocuments.Version()["gitVersion"]!.DeepClone() },
            ["paths"] = paths,
            ["components"] = new JsonObject(),
        };
    }

    private static JsonObject Patch(ResourceType type) => new()
    {
        ["operationId"] = "patch" + type.Kind,
        ["x-kubernetes-action"] = "patch",
        ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind },
        ["parameters"] = new JsonArray([.. PatchParameters.Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["in"] = "query",
            ["schema"] = new JsonObject { ["type"] = name == "force" ? "boolean" : "string" },
        })]),
    };

    private static string Prefix(string apiVersion) => apiVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{apiVersion}" : $"/api/{apiVersion}";
}

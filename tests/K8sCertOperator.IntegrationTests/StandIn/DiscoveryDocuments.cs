using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Minimal /version, /api, /apis and per-group-version discovery documents built from the registry.</summary>
internal static class DiscoveryDocuments
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "33",
        ["gitVersion"] = "v1.33.0-standin",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.24",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. registry.All
            .Where(t => t.Group.Length > 0)
            .GroupBy(t => t.Group)
            .Select(g => (JsonNode)Group(g.Key, g.Select(t => t.Version).Distinct().ToList()))]),
    };

    public static JsonObject? GroupDocument(ResourceRegistry registry, string group)
    {
        var versions = registry.All.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();
        if (versions.Count == 0)
        {
            return null;
        }
        var document = Group(group, versions);
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }

    public static JsonObject? ResourceList(ResourceRegistry registry, string group, string version)
    {
        var types = registry.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var resources = new JsonArray();
        foreach (var type in types)
        {
            resources.Add(Resource(type.Plural, type, ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]));
            if (type.HasStatusSubresource)
            {
                resources.Add(Resource(type.Plural + "/status", type, ["get", "patch", "update"]));
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = types[0].ApiVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject Group(string name, IReadOnlyList<string> versions)
    {
        var list = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{name}/{v}", ["version"] = v })]);
        return new JsonObject
        {
            ["name"] = name,
            ["versions"] = list,
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{name}/{versions[0]}", ["version"] = versions[0] },
        };
    }

    private static JsonObject Resource(string name, ResourceType type, string[] verbs) => new()
    {
        ["name"] = name,
        ["singularName"] = "",
        ["namespaced"] = type.Namespaced,
        ["kind"] = type.Kind,
        ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
    };
}

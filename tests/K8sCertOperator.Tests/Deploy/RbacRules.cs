using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>Flattens Role/ClusterRole rules into single (group, resource, verb) grants.</summary>
internal static class RbacRules
{
    public static IReadOnlySet<Permission> Flatten(JsonObject role)
    {
        var scope = role["kind"]!.GetValue<string>() == "ClusterRole" ? Permission.Cluster : Permission.Namespaced;
        var grants = new HashSet<Permission>();
        foreach (var rule in role["rules"]!.AsArray())
        {
            foreach (var group in Strings(rule!["apiGroups"]))
            {
                foreach (var resource in Strings(rule["resources"]))
                {
                    foreach (var verb in Strings(rule["verbs"]))
                    {
                        grants.Add(new Permission(scope, group, resource, verb));
                    }
                }
            }
        }
        return grants;
    }

    private static IEnumerable<string> Strings(JsonNode? list) =>
        (list?.AsArray() ?? []).Select(n => n!.GetValue<string>());
}

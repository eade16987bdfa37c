using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>
/// Pod Security Standard "restricted" (plus readOnlyRootFilesystem, which we also require) as a pure
/// function over a pod spec: returns the violations, empty when the pod is admitted.
/// </summary>
internal static class PodSecurityRestricted
{
    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    public static IReadOnlyList<string> Violations(JsonObject podSpec)
    {
        var found = new List<string>();
        foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (podSpec[host]?.GetValue<bool>() == true)
            {
                found.Add($"{host}=true");
            }
        }

        foreach (var volume in podSpec["volumes"]?.AsArray() ?? [])
        {
            if (volume?["hostPath"] is not null)
            {
                found.Add($"volume {volume["name"]} uses hostPath");
            }
        }

        var pod = podSpec["securityContext"] as JsonObject;
        var podNonRoot = pod?["runAsNonRoot"]?.GetValue<bool>() == true;
        var podSeccomp = IsAllowedSeccomp(pod?["seccompProfile"]);
        if (pod?["runAsUser"]?.GetValue<long>() == 0)
        {
            found.Add("pod runAsUser=0");
        }

        var containers = ContainerLists.SelectMany(list => podSpec[list]?.AsArray() ?? []).OfType<JsonObject>().ToList();
        if (containers.Count == 0)
        {
            found.Add("no containers");
        }

        foreach (var container in containers)
        {
            var name = container["name"]?.GetValue<string>() ?? "?";
            var sc = container["securityContext"] as JsonObject;
            var nonRoot = sc?["runAsNonRoot"] is { } n ? n.GetValue<bool>() : podNonRoot;
            if (!nonRoot)
            {
                found.Add($"{name}: runAsNonRoot not true");
            }
            if (sc?["runAsUser"]?.GetValue<long>() == 0)
            {
                found.Add($"{name}: runAsUser=0");
            }
            if (!(sc?["seccompProfile"] is { } s ? IsAllowedSeccomp(s) : podSeccomp))
            {
                found.Add($"{name}: seccompProfile not RuntimeDefault/Localhost");
            }
            if (sc?["privileged"]?.GetValue<bool>() == true)
            {
                found.Add($"{name}: privileged");
            }
            if (sc?["allowPrivilegeEscalation"]?.GetValue<bool>() != false)
            {
                found.Add($"{name}: allowPrivilegeEscalation not false");
            }
            if (sc?["readOnlyRootFilesystem"]?.GetValue<bool>() != true)
            {
                found.Add($"{name}: readOnlyRootFilesystem not true");
            }
            var caps = sc?["capabilities"];
            if (!(caps?["drop"]?.AsArray() ?? []).Any(c => c?.GetValue<string>() == "ALL"))
            {
                found.Add($"{name}: capabilities.drop lacks ALL");
            }
            foreach (var add in caps?["add"]?.AsArray() ?? [])
            {
                if (add?.GetValue<string>() != "NET_BIND_SERVICE")
                {
                    found.Add($"{name}: capabilities.add {add}");
                }
            }
            foreach (var port in container["ports"]?.AsArray() ?? [])
            {
                if (port?["hostPort"] is { } hp && hp.GetValue<long>() != 0)
                {
                    found.Add($"{name}: hostPort {hp}");
                }
            }
        }

        return found;
    }

    private static bool IsAllowedSeccomp(JsonNode? profile) =>
        profile?["type"]?.GetValue<string>() is "RuntimeDefault" or "Localhost";
}

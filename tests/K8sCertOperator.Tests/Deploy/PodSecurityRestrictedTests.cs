using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

public class PodSecurityRestrictedTests
{
    private const string Compliant = """
        {"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},
         "containers":[{"name":"c","securityContext":{"allowPrivilegeEscalation":false,"readOnlyRootFilesystem":true,"capabilities":{"drop":["ALL"]}}}]}
        """;

    [Fact]
    public void Compliant_pod_has_no_violations() =>
        Assert.Empty(PodSecurityRestricted.Violations(Pod()));

    [Theory]
    [InlineData("securityContext.runAsNonRoot", "false", "runAsNonRoot")]
    [InlineData("securityContext.runAsUser", "0", "runAsUser=0")]
    [InlineData("securityContext.seccompProfile", """{"type":"Unconfined"}""", "seccompProfile")]
    [InlineData("hostNetwork", "true", "hostNetwork")]
    [InlineData("hostPID", "true", "hostPID")]
    [InlineData("volumes", """[{"name":"v","hostPath":{"path":"/"}}]""", "hostPath")]
    [InlineData("containers.0.securityContext.allowPrivilegeEscalation", "true", "allowPrivilegeEscalation")]
    [InlineData("containers.0.securityContext.readOnlyRootFilesystem", "false", "readOnlyRootFilesystem")]
    [InlineData("containers.0.securityContext.capabilities", """{"drop":["NET_RAW"]}""", "drop lacks ALL")]
    [InlineData("containers.0.securityContext.capabilities", """{"drop":["ALL"],"add":["SYS_ADMIN"]}""", "capabilities.add")]
    [InlineData("containers.0.securityContext.privileged", "true", "privileged")]
    [InlineData("containers.0.securityContext.runAsNonRoot", "false", "runAsNonRoot")]
    [InlineData("containers.0.ports", """[{"containerPort":80,"hostPort":80}]""", "hostPort")]
    public void Each_restricted_rule_is_enforced(string path, string json, string expected)
    {
        var pod = Pod();
        Set(pod, path, JsonNode.Parse(json));
        Assert.Contains(PodSecurityRestricted.Violations(pod), v => v.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Container_level_seccomp_and_non_root_satisfy_the_rule_without_pod_level()
    {
        var pod = Pod();
        pod.Remove("securityContext");
        var sc = pod["containers"]![0]!["securityContext"]!.AsObject();
        sc["runAsNonRoot"] = true;
        sc["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" };
        Assert.Empty(PodSecurityRestricted.Violations(pod));
    }

    private static JsonObject Pod() => JsonNode.Parse(Compliant)!.AsObject();

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }
        node.AsObject()[parts[^1]] = value;
    }
}

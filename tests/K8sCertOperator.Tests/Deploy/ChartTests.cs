using K8sCertOperator.TestSupport;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>The Helm chart, checked without a helm binary: metadata, values schema, template subset, rendering, parity with config/.</summary>
public class ChartTests
{
    [Fact]
    public void Chart_yaml_is_a_v2_application_chart()
    {
        var chart = ChartFixture.ChartYaml;
        Assert.Equal("v2", chart["apiVersion"]!.GetValue<string>());
        Assert.Equal("k8s-cert-operator", chart["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(chart["version"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(chart["appVersion"]?.GetValue<string>()));
    }

    [Fact]
    public void Default_values_satisfy_the_schema() =>
        Assert.Empty(JsonSchemaSubset.Validate(Schema(), ChartFixture.DefaultValues));

    [Theory]
    [InlineData("replicas", "\"two\"", "expected integer")]
    [InlineData("replicas", "0", "below the minimum")]
    [InlineData("logFormat", "\"xml\"", "is not one of")]
    [InlineData("image", "{\"repository\":\"r\",\"tag\":\"t\"}", "required property 'pullPolicy'")]
    [InlineData("networkPolicy", "{\"enabled\":\"yes\",\"metricsNamespaces\":[]}", "expected boolean")]
    [InlineData("networkPolicy", "{\"enabled\":true,\"metricsNamespaces\":[1]}", "expected string")]
    [InlineData("acmeOrderRate", "\"300\"", "does not match")]
    [InlineData("acmeOrderRate", "\"300/3 hours\"", "does not match")]
    [InlineData("renewalJitterPercent", "51", "above the maximum")]
    [InlineData("renewalJitterMax", "\"01:00:00\"", "does not match")]
    public void Schema_rejects_bad_values(string key, string json, string expected)
    {
        var values = ChartFixture.DefaultValues;
        values[key] = JsonNode.Parse(json);
        Assert.Contains(JsonSchemaSubset.Validate(Schema(), values), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_requires_the_top_level_keys()
    {
        var values = ChartFixture.DefaultValues;
        values.Remove("image");
        Assert.Contains(JsonSchemaSubset.Validate(Schema(), values), e => e.Contains("'image'", StringComparison.Ordinal));
    }

    [Fact]
    public void Templates_have_balanced_delimiters_and_use_only_the_allowed_constructs()
    {
        foreach (var file in ChartFixture.TemplateFiles)
        {
            var text = File.ReadAllText(file);
            Assert.True(Occurrences(text, "{{") == Occurrences(text, "}}"), $"{file}: unbalanced {{{{ }}}}");
            foreach (var action in MiniHelmRenderer.Actions(text))
            {
                foreach (var word in MiniHelmRenderer.Words(action))
                {
                    Assert.True(MiniHelmRenderer.AllowedWords.Contains(word), $"{Path.GetFileName(file)}: '{word}' in {{{{ {action} }}}} is outside the allowed subset");
                }
            }
        }
    }

    [Fact]
    public void Default_render_has_the_expected_objects_and_a_restricted_pod()
    {
        var docs = ChartFixture.Render();
        Assert.Equal(1, ChartFixture.Count(docs, "ServiceAccount"));
        Assert.Equal(1, ChartFixture.Count(docs, "ClusterRole"));
        Assert.Equal(1, ChartFixture.Count(docs, "ClusterRoleBinding"));
        Assert.Equal(1, ChartFixture.Count(docs, "Role"));
        Assert.Equal(1, ChartFixture.Count(docs, "RoleBinding"));
        Assert.Equal(2, ChartFixture.Count(docs, "Service"));
        Assert.Equal(0, ChartFixture.Count(docs, "PodDisruptionBudget"));
        Assert.Equal(0, ChartFixture.Count(docs, "NetworkPolicy"));
        Assert.Equal(0, ChartFixture.Count(docs, "ServiceMonitor"));

        var deployment = ChartFixture.Of(docs, "Deployment");
        Assert.Equal(1, deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal("k8s-cert-operator:0.1.0", DeploymentChecks.Container(deployment)["image"]!.GetValue<string>());
        DeploymentChecks.AssertOperatorWiring(deployment, "k8s-cert-operator-http01");
        var services = docs.Where(d => d["kind"]!.GetValue<string>() == "Service").ToDictionary(s => s["metadata"]!["name"]!.GetValue<string>());
        DeploymentChecks.AssertServiceTargets(services["k8s-cert-operator-http01"], deployment, 8089, "http01");
        DeploymentChecks.AssertServiceTargets(services["k8s-cert-operator-metrics"], deployment, 9402, "metrics");
        foreach (var doc in docs.Where(d => d["kind"]!.GetValue<string>() is not ("ClusterRole" or "ClusterRoleBinding")))
        {
            Assert.Equal(ChartFixture.ReleaseNamespace, doc["metadata"]!["namespace"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Ha_render_adds_a_pdb_and_the_optional_objects_render_when_enabled()
    {
        var values = ChartFixture.DefaultValues;
        values["replicas"] = 3;
        values["watchNamespace"] = "apps";
        values["enableCertManagerAnnotations"] = true;
        values["gatewayApi"] = "off";
        values["networkPolicy"]!["enabled"] = true;
        values["networkPolicy"]!["metricsNamespaces"] = new JsonArray("monitoring", "observability");
        values["serviceMonitor"]!["enabled"] = true;
        values["serviceMonitor"]!["labels"] = new JsonObject { ["release"] = "prom" };
        values["tolerations"] = new JsonArray(new JsonObject { ["key"] = "k", ["operator"] = "Exists" });
        values["acmeOrderRate"] = "300/3h";
        values["renewalJitterPercent"] = 20;
        values["renewalJitterMax"] = "30m";
        Assert.Empty(JsonSchemaSubset.Validate(Schema(), values));

        var docs = ChartFixture.Render(values);
        var deployment = ChartFixture.Of(docs, "Deployment");
        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<long>());
        var options = DeploymentChecks.ParseArgs(deployment);
        Assert.Equal("apps", options.WatchNamespace);
        Assert.True(options.CertManagerAnnotations);
        Assert.Equal(K8sCertOperator.Controllers.GatewayShim.GatewayApiMode.Off, options.GatewayApi);
        Assert.Equal((300, TimeSpan.FromHours(3)), (options.AcmeOrderRate!.Count, options.AcmeOrderRate.Period));
        Assert.Equal((20, TimeSpan.FromMinutes(30)), (options.RenewalJitter.Percent, options.RenewalJitter.Max));
        Assert.Equal("Exists", DeploymentChecks.PodSpec(deployment)["tolerations"]![0]!["operator"]!.GetValue<string>());

        var pdb = ChartFixture.Of(docs, "PodDisruptionBudget");
        Assert.Equal(1, pdb["spec"]!["minAvailable"]!.GetValue<long>());

        var policy = ChartFixture.Of(docs, "NetworkPolicy");
        var rules = policy["spec"]!["ingress"]!.AsArray();
        var byPort = rules.ToDictionary(r => r!["ports"]![0]!["port"]!.GetValue<long>(), r => r!["from"]);
        Assert.Null(byPort[8089]);   // ingress controllers: from anywhere
        // Kubelet probes come from the node, which NetworkPolicy always admits: no pod may reach the health port.
        Assert.False(byPort.ContainsKey(9403));
        Assert.Equal([8089, 9402], byPort.Keys.Order());
        Assert.Equal(["monitoring", "observability"], byPort[9402]!.AsArray()
            .Select(f => f!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>()));

        var monitor = ChartFixture.Of(docs, "ServiceMonitor");
        Assert.Equal("monitoring.coreos.com/v1", monitor["apiVersion"]!.GetValue<string>());
        Assert.Equal("prom", monitor["metadata"]!["labels"]!["release"]!.GetValue<string>());
        Assert.Equal("metrics", monitor["spec"]!["endpoints"]![0]!["port"]!.GetValue<string>());
        var metricsService = docs.Single(d => d["kind"]!.GetValue<string>() == "Service" && d["metadata"]!["name"]!.GetValue<string>() == "k8s-cert-operator-metrics");
        foreach (var (key, value) in monitor["spec"]!["selector"]!["matchLabels"]!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(metricsService["metadata"]!["labels"]![key], value), $"ServiceMonitor selector {key} does not match the metrics Service");
        }
    }

    [Fact]
    public void Chart_deployment_security_contexts_equal_the_kustomize_ones()
    {
        var kustomize = YamlJson.ParseOne(File.ReadAllText(DeployFiles.Config("manager", "deployment.yaml")));
        var chart = ChartFixture.Of(ChartFixture.Render(), "Deployment");
        Assert.True(JsonNode.DeepEquals(DeploymentChecks.PodSpec(kustomize)["securityContext"], DeploymentChecks.PodSpec(chart)["securityContext"]));
        Assert.True(JsonNode.DeepEquals(DeploymentChecks.Container(kustomize)["securityContext"], DeploymentChecks.Container(chart)["securityContext"]));
        Assert.True(JsonNode.DeepEquals(DeploymentChecks.Container(kustomize)["resources"], DeploymentChecks.Container(chart)["resources"]));
        Assert.True(JsonNode.DeepEquals(DeploymentChecks.Container(kustomize)["livenessProbe"], DeploymentChecks.Container(chart)["livenessProbe"]));
        Assert.True(JsonNode.DeepEquals(DeploymentChecks.Container(kustomize)["readinessProbe"], DeploymentChecks.Container(chart)["readinessProbe"]));
    }

    [Theory]
    [InlineData("ClusterRole", "cluster_role.yaml")]
    [InlineData("Role", "role.yaml")]
    public void Chart_rbac_rules_equal_config_rbac(string kind, string file)
    {
        var config = YamlJson.ParseAll(File.ReadAllText(DeployFiles.Config("rbac", file))).Single(d => d["kind"]!.GetValue<string>() == kind);
        var chart = ChartFixture.Of(ChartFixture.Render(), kind);
        Assert.True(JsonNode.DeepEquals(config["rules"], chart["rules"]), $"{kind} rules differ between the chart and config/rbac/{file}");
    }

    [Fact]
    public void Chart_crds_are_byte_identical_to_config_crd()
    {
        var config = Directory.EnumerateFiles(DeployFiles.Config("crd"), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var chart = Directory.EnumerateFiles(DeployFiles.Chart("crds"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(K8sCertOperator.Api.ApiGroups.All.Count, config.Count);
        Assert.Equal(config, chart);
        foreach (var name in config)
        {
            Assert.True(File.ReadAllBytes(DeployFiles.Config("crd", name!)).AsSpan().SequenceEqual(File.ReadAllBytes(DeployFiles.Chart("crds", name!))),
                $"charts/k8s-cert-operator/crds/{name} differs from config/crd/{name}; copy it again");
        }
    }

    private static JsonObject Schema() => JsonNode.Parse(File.ReadAllText(DeployFiles.Chart("values.schema.json")))!.AsObject();

    private static int Occurrences(string text, string token)
    {
        var count = 0;
        for (var i = text.IndexOf(token, StringComparison.Ordinal); i >= 0; i = text.IndexOf(token, i + token.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using K8sCertOperator.Cli;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>Checks shared by the kustomize and the chart Deployment.</summary>
internal static class DeploymentChecks
{
    public static JsonObject PodSpec(JsonObject deployment) => deployment["spec"]!["template"]!["spec"]!.AsObject();

    public static JsonObject Container(JsonObject deployment) => Assert.Single(PodSpec(deployment)["containers"]!.AsArray())!.AsObject();

    /// <summary>Parses the container args with the operator's real flags; unknown flags or bad values fail.</summary>
    public static OperatorOptions ParseArgs(JsonObject deployment)
    {
        var args = Container(deployment)["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        var binder = new RunOptionsBinder();
        var root = new RootCommand();
        foreach (var option in binder.All)
        {
            root.Options.Add(option);
        }
        var parse = root.Parse(args);
        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)));
        return binder.Bind(parse);
    }

    /// <summary>Leader election on, the ports the Services and probes point at, and the HTTP-01 Service name.</summary>
    public static void AssertOperatorWiring(JsonObject deployment, string http01ServiceName)
    {
        var options = ParseArgs(deployment);
        Assert.True(options.LeaderElection);
        Assert.Equal(":8089", options.Http01Listen);
        Assert.Equal(":9402", options.MetricsListen);
        Assert.Equal(":9403", options.HealthListen);
        Assert.Equal(http01ServiceName, options.Http01ServiceName);
        Assert.Equal(8089, options.Http01ServicePort);

        var container = Container(deployment);
        var ports = container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["containerPort"]!.GetValue<long>());
        Assert.Equal(8089, ports["http01"]);
        Assert.Equal(9402, ports["metrics"]);
        Assert.Equal(9403, ports["health"]);
        Assert.Equal("/healthz", container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("/readyz", container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("health", container["readinessProbe"]!["httpGet"]!["port"]!.GetValue<string>());
        AssertProbeTimings(container["livenessProbe"]!.AsObject(), minTimeoutSeconds: 2, minFailureSeconds: 30);
        AssertProbeTimings(container["readinessProbe"]!.AsObject(), minTimeoutSeconds: 2, minFailureSeconds: 10);
        Assert.NotNull(container["resources"]?["requests"]);
        Assert.NotNull(container["resources"]?["limits"]);
        Assert.Contains(container["env"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "POD_NAMESPACE");
        Assert.Empty(PodSecurityRestricted.Violations(PodSpec(deployment)));
    }

    // Kubernetes' defaults (1 s timeout) are what a busy node misses; a restart needs failures over a while, not one blip.
    private static void AssertProbeTimings(JsonObject probe, int minTimeoutSeconds, int minFailureSeconds)
    {
        var timeout = probe["timeoutSeconds"]?.GetValue<long>() ?? 1;
        var period = probe["periodSeconds"]?.GetValue<long>() ?? 10;
        var failures = probe["failureThreshold"]?.GetValue<long>() ?? 3;
        Assert.True(timeout >= minTimeoutSeconds, $"probe timeoutSeconds {timeout} < {minTimeoutSeconds}");
        Assert.True(timeout < period, $"probe timeoutSeconds {timeout} is not below periodSeconds {period}");
        Assert.True(period * failures >= minFailureSeconds, $"probe fails after {period * failures} s < {minFailureSeconds} s");
    }

    /// <summary>The Service selects the Deployment's pods and targets the named container port.</summary>
    public static void AssertServiceTargets(JsonObject service, JsonObject deployment, long port, string targetPort)
    {
        var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        foreach (var (key, value) in service["spec"]!["selector"]!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(podLabels[key], value), $"selector {key}={value} does not match the pod labels");
        }
        var servicePort = Assert.Single(service["spec"]!["ports"]!.AsArray())!;
        Assert.Equal(port, servicePort["port"]!.GetValue<long>());
        Assert.Equal(targetPort, servicePort["targetPort"]!.GetValue<string>());
    }
}

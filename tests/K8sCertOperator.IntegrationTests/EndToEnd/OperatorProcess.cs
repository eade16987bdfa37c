using System.Net;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>The built `k8s-cert-operator` started as a real process, and probes of its monitoring endpoints.</summary>
internal static class OperatorProcess
{
    /// <summary>Names the executable to run instead of the build output: test.sh sets it to the NativeAOT publish (the image's).</summary>
    public const string BinaryVariable = "K8SCERT_TEST_OPERATOR_BINARY";

    /// <summary>The NativeAOT executable when <see cref="BinaryVariable"/> names one, else the apphost in the operator project's build output (see <see cref="OperatorBuildOutput"/>).</summary>
    public static string Binary()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } published)
        {
            Assert.True(File.Exists(published), $"{BinaryVariable}={published} does not exist");
            return published;
        }
        var apphost = Path.Combine(OperatorBuildOutput.Directory, "k8s-cert-operator");
        Assert.True(File.Exists(apphost), $"operator apphost not found at {apphost}");
        return apphost;
    }

    /// <summary>Starts the operator against <paramref name="kubeconfig"/> with a short lease, so a killed leader is replaced in seconds.</summary>
    public static ExternalProcess Start(string kubeconfig, string @namespace, string http01Listen, int monitoringPort, params string[] extra) =>
        ExternalProcess.Start(Binary(), ["--kubeconfig", kubeconfig, .. Arguments(@namespace, http01Listen, monitoringPort), .. extra]);

    /// <summary>Starts the operator with no kubeconfig, as in a pod: the service account files and <paramref name="environment"/> (KUBERNETES_SERVICE_HOST/PORT).</summary>
    public static ExternalProcess StartInCluster(IReadOnlyDictionary<string, string> environment, string @namespace, string http01Listen, int monitoringPort) =>
        ExternalProcess.Start(Binary(), Arguments(@namespace, http01Listen, monitoringPort), environment);

    private static string[] Arguments(string @namespace, string http01Listen, int monitoringPort) =>
    [
        "--namespace", @namespace,
        "--watch-namespace", @namespace,
        "--http01-listen", http01Listen,
        "--metrics-listen", $"127.0.0.1:{monitoringPort}",
        "--health-listen", $"127.0.0.1:{monitoringPort}",
        "--leader-election-lease-duration", "00:00:05",
        "--leader-election-renew-deadline", "00:00:04",
        "--leader-election-retry-period", "00:00:01",
    ];

    /// <summary>Status of GET <paramref name="path"/>, or null while nothing listens.</summary>
    public static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path, CancellationToken ct)
    {
        try
        {
            return (await http.GetAsync(path, ct)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>True when the process at the other end of <paramref name="http"/> reports itself leader.</summary>
    public static async Task<bool> IsLeaderAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            return await http.GetStringAsync("/leader", ct) == "leader";
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

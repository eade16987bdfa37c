using K8sCertOperator.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// The native executable (the image's) leaves out KubernetesClient's model serializer, which exec credential plugins
/// need; a kubeconfig that logs in through one must be refused at start with a message that says so.
/// </summary>
public sealed class NativeBuildKubeconfigTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task NativeOperatorRefusesExecPluginKubeconfigWithAClearError()
    {
        Skip.If(Environment.GetEnvironmentVariable(OperatorProcess.BinaryVariable) is not { Length: > 0 },
            $"{OperatorProcess.BinaryVariable} is not set: the native executable is published by test.sh");
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"exec-kubeconfig-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(kubeconfig, """
            apiVersion: v1
            kind: Config
            current-context: eks
            clusters:
            - name: c
              cluster: { server: "http://127.0.0.1:1" }
            contexts:
            - name: eks
              context: { cluster: c, user: aws }
            users:
            - name: aws
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: /bin/false
            """);
        try
        {
            await using var process = ExternalProcess.Start(OperatorProcess.Binary(), ["--kubeconfig", kubeconfig, "--namespace", "default"]);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!process.HasExited)
            {
                await Task.Delay(100, cts.Token);
            }
            output.WriteLine(process.Output + process.ErrorOutput);
            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("exec plugin", process.Output + process.ErrorOutput, StringComparison.Ordinal);
            Assert.Contains("'aws'", process.Output + process.ErrorOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}

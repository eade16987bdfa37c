using k8s;
using K8sCertOperator.Cli;

namespace K8sCertOperator.Tests.Cli;

/// <summary>Which kubeconfig user logs in through an exec plugin (the native build refuses those up front).</summary>
public sealed class KubeClientFactoryTests
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: token-ctx
        clusters:
        - name: c
          cluster:
            server: https://127.0.0.1:6443
        contexts:
        - name: token-ctx
          context: { cluster: c, user: token-user }
        - name: exec-ctx
          context: { cluster: c, user: exec-user }
        users:
        - name: token-user
          user:
            token: abc
        - name: exec-user
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: aws
              args: [eks, get-token]
        """;

    [Theory]
    [InlineData(null, null)]
    [InlineData("token-ctx", null)]
    [InlineData("exec-ctx", "exec-user")]
    [InlineData("missing-ctx", null)]
    public void ExecPluginUserIsFoundThroughTheContext(string? context, string? expected)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Kubeconfig));
        var config = KubernetesClientConfiguration.LoadKubeConfig(stream);
        Assert.Equal(expected, KubeClientFactory.ExecPluginUser(config, context));
    }

    [Fact]
    public void JitBuildStillLoadsTokenKubeconfigs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Kubeconfig);
        try
        {
            var config = KubeClientFactory.Configuration(path, null);
            Assert.Equal("abc", config.AccessToken);
            Assert.Equal("https://127.0.0.1:6443", config.Host.TrimEnd('/'));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

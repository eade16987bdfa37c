using k8s;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Cli;

/// <summary>Chooses the cluster connection: explicit kubeconfig, in-cluster service account, or the default kubeconfig.</summary>
public static class KubeClientFactory
{
    public static KubernetesClientConfiguration Configuration(string? kubeconfigPath, string? context)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath, context);
        }
        if (context is null && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }
        // $KUBECONFIG (first entry), then ~/.kube/config, as kubectl does.
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
        return KubernetesClientConfiguration.BuildConfigFromConfigFile(fromEnvironment, context);
    }

    public static IKubernetes Create(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Kubernetes(Configuration(options.KubeconfigPath, options.Context));
    }
}

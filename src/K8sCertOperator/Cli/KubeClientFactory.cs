using System.Runtime.CompilerServices;
using k8s;
using k8s.KubeConfigModels;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Cli;

/// <summary>Chooses the cluster connection: explicit kubeconfig, in-cluster service account, or the default kubeconfig.</summary>
public static class KubeClientFactory
{
    public static KubernetesClientConfiguration Configuration(string? kubeconfigPath, string? context)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return FromFile(kubeconfigPath, context);
        }
        if (context is null && KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }
        // $KUBECONFIG (first entry), then ~/.kube/config, as kubectl does.
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
        return FromFile(fromEnvironment, context);
    }

    /// <summary>
    /// The kubeconfig user of <paramref name="context"/> (or the current context) when it gets its credentials from
    /// an exec plugin; null otherwise.
    /// </summary>
    public static string? ExecPluginUser(K8SConfiguration config, string? context)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = context ?? config.CurrentContext;
        var userName = config.Contexts?.FirstOrDefault(c => c.Name == name)?.ContextDetails?.User;
        var user = config.Users?.FirstOrDefault(u => u.Name == userName);
        return user?.UserCredentials?.ExternalExecution is not null ? user.Name : null;
    }

    // The NativeAOT build (the image) leaves out KubernetesClient's model serializer, which exec plugins' output goes
    // through (see Aot/KubernetesClient.Substitutions.xml); say so before the library fails in the middle of a login.
    private static KubernetesClientConfiguration FromFile(string? path, string? context)
    {
        var config = KubernetesClientConfiguration.LoadKubeConfig(path);
        if (!RuntimeFeature.IsDynamicCodeSupported && ExecPluginUser(config, context) is { } user)
        {
            throw new InvalidOperationException(
                $"kubeconfig user '{user}' gets its credentials from an exec plugin, which the native build (the container image) does not run; "
                + "use a token or client-certificate kubeconfig, or run the operator from source (dotnet run)");
        }
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(config, context);
    }

    public static IKubernetes Create(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Kubernetes(Configuration(options.KubeconfigPath, options.Context));
    }
}

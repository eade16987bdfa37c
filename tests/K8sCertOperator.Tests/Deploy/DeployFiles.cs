namespace K8sCertOperator.Tests.Deploy;

/// <summary>Paths of the deployment files (config/, charts/) in the source tree.</summary>
internal static class DeployFiles
{
    public static string Root => Api.RepoFiles.Root;

    public static string Config(params string[] parts) => Path.Combine([Root, "config", .. parts]);

    public static string Chart(params string[] parts) => Path.Combine([Root, "charts", "k8s-cert-operator", .. parts]);

    public static string Source => Path.Combine(Root, "src", "K8sCertOperator");
}

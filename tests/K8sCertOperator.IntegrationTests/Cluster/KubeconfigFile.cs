namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>Writes kubeconfig files so child processes (the operator under test) can reach the test cluster.</summary>
public static class KubeconfigFile
{
    /// <summary>
    /// Writes a kubeconfig for a plain-HTTP server without credentials (the stand-in) whose context
    /// defaults to <paramref name="ns"/>; returns the file path. The caller deletes it.
    /// </summary>
    /// <summary>A kubeconfig for an HTTPS server: its CA inline (certificate-authority-data) and a bearer token.</summary>
    public static string WriteForTlsServer(string server, string ns, System.Security.Cryptography.X509Certificates.X509Certificate2 ca, string token)
    {
        var path = Path.Combine(Path.GetTempPath(), $"k8scert-kubeconfig-{Guid.NewGuid():N}.yaml");
        var caData = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(ca.ExportCertificatePem()));
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: standin
              cluster:
                server: {server}
                certificate-authority-data: {caData}
            contexts:
            - name: standin
              context:
                cluster: standin
                user: standin
                namespace: {ns}
            current-context: standin
            users:
            - name: standin
              user:
                token: {token}

            """);
        return path;
    }

    public static string WriteForInsecureServer(string server, string ns)
    {
        var path = Path.Combine(Path.GetTempPath(), $"k8scert-kubeconfig-{Guid.NewGuid():N}.yaml");
        var yaml = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: standin
              cluster:
                server: {server}
            contexts:
            - name: standin
              context:
                cluster: standin
                user: standin
                namespace: {ns}
            current-context: standin
            users:
            - name: standin
              user:
                # The client insists on some credential; the stand-in ignores it.
                token: stand-in
            preferences: {"{}"}

            """;
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Writes kubeconfig text (e.g. from k3s) to a temporary file; returns its path.</summary>
    public static string WriteText(string kubeconfig)
    {
        var path = Path.Combine(Path.GetTempPath(), $"k8scert-kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, kubeconfig);
        return path;
    }
}

using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>Writes kubeconfig files so child processes (the operator under test) can reach the test cluster.</summary>
public static class KubeconfigFile
{
    /// <summary>
    /// Writes a kubeconfig for a plain-HTTP server without credentials (the stand-in) whose context
    /// defaults to <paramref name="ns"/>; returns the file path. The caller deletes it.
    /// </summary>
    // The client insists on some credential; the plain stand-in ignores it.
    public static string WriteForInsecureServer(string server, string ns) => Write(server, ns, caLine: "", token: "stand-in");

    /// <summary>As above for an HTTPS server: its CA inline (certificate-authority-data) and a bearer token it requires.</summary>
    public static string WriteForTlsServer(string server, string ns, X509Certificate2 ca, string token)
    {
        ArgumentNullException.ThrowIfNull(ca);
        var caData = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(ca.ExportCertificatePem()));
        return Write(server, ns, caLine: $"\n    certificate-authority-data: {caData}", token);
    }

    /// <summary>Writes kubeconfig text (e.g. from k3s) to a temporary file; returns its path.</summary>
    public static string WriteText(string kubeconfig)
    {
        var path = Path.Combine(Path.GetTempPath(), $"k8scert-kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, kubeconfig);
        return path;
    }

    private static string Write(string server, string ns, string caLine, string token) => WriteText($"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: standin
          cluster:
            server: {server}{caLine}
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
        preferences: {"{}"}

        """);
}

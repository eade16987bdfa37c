using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// What cert-manager leaves behind for a Certificate it issued, written as cert-manager writes it: the TLS Secret with
/// its annotations and label, and the Certificate's status (Ready, notBefore/notAfter, renewalTime, revision).
/// </summary>
internal static class CertManagerIssued
{
    /// <summary>The annotations cert-manager's issuing controller puts on a Secret it wrote for a DNS-names-only Certificate.</summary>
    public static Dictionary<string, string> SecretAnnotations(string certificate, string issuer, string kind, params string[] dnsNames) => new()
    {
        ["cert-manager.io/certificate-name"] = certificate,
        ["cert-manager.io/issuer-name"] = issuer,
        ["cert-manager.io/issuer-kind"] = kind,
        ["cert-manager.io/issuer-group"] = CertManagerObjects.Group,
        ["cert-manager.io/alt-names"] = string.Join(",", dnsNames),
        ["cert-manager.io/common-name"] = "",
        ["cert-manager.io/ip-sans"] = "",
        ["cert-manager.io/uri-sans"] = "",
    };

    /// <summary>
    /// A kubernetes.io/tls Secret with the chain, the key in PKCS#1 (cert-manager's default encoding) and ca.crt
    /// (the certificate itself when <paramref name="caPem"/> is null; none when it is empty, as for ACME, which names no CA).
    /// </summary>
    public static V1Secret TlsSecret(string ns, string name, string certificatePem, CertificateKey key, Dictionary<string, string> annotations, string? caPem = null)
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = annotations, Labels = new Dictionary<string, string> { ["controller.cert-manager.io/fao"] = "true" } },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.ASCII.GetBytes(certificatePem),
                ["tls.key"] = Encoding.ASCII.GetBytes(key.ExportPem(PrivateKeyEncoding.Pkcs1)),
            },
        };
        if (caPem is not "")
        {
            secret.Data["ca.crt"] = Encoding.ASCII.GetBytes(caPem ?? certificatePem);
        }
        return secret;
    }

    /// <summary>
    /// cert-manager's renewal time, truncated to the second: <paramref name="renewBefore"/> before notAfter when it is
    /// shorter than the certificate's actual lifetime, else (and without spec.renewBefore) a third of the lifetime before.
    /// </summary>
    public static DateTime RenewalTime(X509Certificate2 issued, TimeSpan? renewBefore = null)
    {
        var notAfter = issued.NotAfter.ToUniversalTime();
        var lifetime = notAfter - issued.NotBefore.ToUniversalTime();
        var renewal = notAfter - (renewBefore is { } before && before < lifetime ? before : lifetime / 3);
        return new DateTime(renewal.Ticks - (renewal.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary>The status cert-manager's readiness controller writes once <paramref name="issued"/> is in the Secret (revision 1).</summary>
    public static Task WriteStatusAsync(IKubernetes client, string ns, string certificate, X509Certificate2 issued, DateTime renewalTime, CancellationToken ct)
    {
        var status = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Ready", ["status"] = "True", ["reason"] = "Ready", ["observedGeneration"] = 1,
                    ["message"] = "Certificate is up to date and has not expired", ["lastTransitionTime"] = Rfc3339(issued.NotBefore),
                }),
                ["notBefore"] = Rfc3339(issued.NotBefore),
                ["notAfter"] = Rfc3339(issued.NotAfter),
                ["renewalTime"] = Rfc3339(renewalTime),
                ["revision"] = 1,
            },
        };
        return client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(status.ToJsonString(), V1Patch.PatchType.MergePatch), CertManagerObjects.Group, "v1", ns, "certificates", certificate, cancellationToken: ct);
    }

    /// <summary>Polls until the Certificate's Ready condition observed <paramref name="generation"/>: the operator's verdict on that spec.</summary>
    public static Task<JsonObject> WaitObservedAsync(CertManagerObjects cm, string name, long generation, CancellationToken ct) =>
        cm.WaitAsync("certificates", name, c => (long?)CertManagerObjects.Condition(c, "Ready")?["observedGeneration"] == generation, ct);

    /// <summary>A status time as a UTC DateTime.</summary>
    public static DateTime ParseTime(JsonNode? value) =>
        DateTime.Parse((string)value!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string Rfc3339(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Net;
using System.Net.Sockets;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Builds the Certificate a shim wants for one Secret: named after the Secret, tuned by the owner's annotations. Hosts
/// that are IP addresses go to ipAddresses, the rest to dnsNames (as cert-manager's shims split an Ingress's TLS hosts).
/// </summary>
public static class ShimCertificateFactory
{
    /// <param name="namespace">Namespace of the owner, the Secret and so the Certificate.</param>
    /// <param name="secretName">Name of both the Secret and the Certificate.</param>
    /// <param name="hosts">The hosts the certificate is for: DNS names and IP addresses.</param>
    /// <param name="issuerRef">Resolved from the owner's issuer annotations.</param>
    /// <param name="tuning">Parsed from the owner's tuning annotations.</param>
    /// <param name="owner">Controller owner reference to the annotated object.</param>
    /// <param name="annotations">Certificate annotations the shim manages (see <see cref="ShimAnnotations.Managed"/>), or null.</param>
    /// <param name="labels">Labels from <see cref="ShimCertificateLabels.FromOwner"/>: null when the shim leaves labels alone.</param>
    public static Certificate Build(
        string? @namespace, string secretName, List<string> hosts, ObjectReference issuerRef, CertificateTuning tuning,
        V1OwnerReference owner, IDictionary<string, string>? annotations = null, IDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(issuerRef);
        ArgumentNullException.ThrowIfNull(tuning);
        ArgumentNullException.ThrowIfNull(hosts);
        var ipAddresses = hosts.Where(IsIpAddress).ToList();
        return new Certificate
        {
            Metadata = new V1ObjectMeta
            {
                Name = secretName,
                NamespaceProperty = @namespace,
                Annotations = annotations is null || annotations.Count == 0 ? null : new Dictionary<string, string>(annotations),
                Labels = labels is null ? null : new Dictionary<string, string>(labels),
                OwnerReferences = [owner],
            },
            Spec = new CertificateSpec
            {
                SecretName = secretName,
                DnsNames = [.. hosts.Where(h => !IsIpAddress(h))],
                IpAddresses = ipAddresses.Count == 0 ? null : ipAddresses,
                IssuerRef = new ObjectReference { Name = issuerRef.Name, Kind = issuerRef.Kind, Group = issuerRef.Group },
                CommonName = tuning.CommonName,
                Duration = tuning.Duration,
                RenewBefore = tuning.RenewBefore,
                Usages = Copy(tuning.Usages),
                PrivateKey = tuning.PrivateKey is null ? null : new CertificatePrivateKey
                {
                    Algorithm = tuning.PrivateKey.Algorithm,
                    Size = tuning.PrivateKey.Size,
                    Encoding = tuning.PrivateKey.Encoding,
                    RotationPolicy = tuning.PrivateKey.RotationPolicy,
                },
                RevisionHistoryLimit = tuning.RevisionHistoryLimit,
                EmailAddresses = Copy(tuning.EmailAddresses),
                Subject = tuning.Subject is null ? null : KubeJson.Clone(tuning.Subject),
            },
        };
    }

    // Strict like Go's net.ParseIP: a dotted quad or an IPv6 address, not .NET's "10.1" shorthand (a DNS label).
    private static bool IsIpAddress(string host) =>
        IPAddress.TryParse(host, out var address)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 ? host.Contains(':', StringComparison.Ordinal) : host.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)));

    private static List<string>? Copy(List<string>? list) => list is null ? null : [.. list];
}

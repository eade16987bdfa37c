using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>Builds the Certificate a shim wants for one Secret: named after the Secret, tuned by the owner's annotations.</summary>
public static class ShimCertificateFactory
{
    /// <param name="namespace">Namespace of the owner, the Secret and so the Certificate.</param>
    /// <param name="secretName">Name of both the Secret and the Certificate.</param>
    /// <param name="dnsNames">The hosts the certificate is for.</param>
    /// <param name="issuerRef">Resolved from the owner's issuer annotations.</param>
    /// <param name="tuning">Parsed from the owner's tuning annotations.</param>
    /// <param name="owner">Controller owner reference to the annotated object.</param>
    /// <param name="annotations">Certificate annotations the shim manages (see <see cref="ShimAnnotations.Managed"/>), or null.</param>
    /// <param name="labels">Labels from <see cref="ShimCertificateLabels.FromOwner"/>: null when the shim leaves labels alone.</param>
    public static Certificate Build(
        string? @namespace, string secretName, List<string> dnsNames, ObjectReference issuerRef, CertificateTuning tuning,
        V1OwnerReference owner, IDictionary<string, string>? annotations = null, IDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(issuerRef);
        ArgumentNullException.ThrowIfNull(tuning);
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
                DnsNames = dnsNames,
                IssuerRef = new ObjectReference { Name = issuerRef.Name, Kind = issuerRef.Kind, Group = issuerRef.Group },
                CommonName = tuning.CommonName,
                Duration = tuning.Duration,
                RenewBefore = tuning.RenewBefore,
                Usages = tuning.Usages is null ? null : [.. tuning.Usages],
                PrivateKey = tuning.PrivateKey is null ? null : new CertificatePrivateKey
                {
                    Algorithm = tuning.PrivateKey.Algorithm,
                    Size = tuning.PrivateKey.Size,
                    Encoding = tuning.PrivateKey.Encoding,
                    RotationPolicy = tuning.PrivateKey.RotationPolicy,
                },
                RevisionHistoryLimit = tuning.RevisionHistoryLimit,
            },
        };
    }
}

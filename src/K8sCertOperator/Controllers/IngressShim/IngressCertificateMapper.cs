using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>
/// Pure mapping from an Ingress (and the operator's settings) to the Certificates it asks for, like
/// cert-manager's ingress-shim: one Certificate per <c>spec.tls[]</c> entry, named after the entry's
/// secretName, with the entry's hosts as dnsNames and the Ingress as controlling owner.
/// </summary>
public static class IngressCertificateMapper
{
    public static IngressCertificateMapping Map(V1Ingress ingress, IngressShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(options);
        var annotations = new IngressAnnotationReader(ingress.Metadata?.Annotations, options.CertManagerAnnotations);
        var issuer = IssuerRefResolver.Resolve(annotations, options);
        if (!issuer.Managed)
        {
            return IngressCertificateMapping.Unmanaged;
        }

        var problems = new List<IngressShimProblem>();
        if (issuer.Problem is not null)
        {
            problems.Add(issuer.Problem);
        }

        var tuning = CertificateTuning.Parse(annotations, problems);
        if (problems.Count > 0)
        {
            return new IngressCertificateMapping { Managed = true, Invalid = true, Problems = problems };
        }

        if (string.Equals(annotations.Get(AnnotationKeys.AcmeHttp01EditInPlace), "true", StringComparison.OrdinalIgnoreCase))
        {
            // Editing the user's Ingress would need a responder Service in every application namespace (an
            // Ingress backend must be in its own namespace); the temporary Ingress serves the same hosts instead.
            problems.Add(new IngressShimProblem(IngressShimProblem.Unsupported,
                $"{AnnotationKeys.AcmeHttp01EditInPlace} is not supported: HTTP-01 is answered through a temporary Ingress for the same hosts"));
        }

        var tls = ingress.Spec?.Tls ?? [];
        var secretUses = tls.Where(t => !string.IsNullOrEmpty(t.SecretName))
            .GroupBy(t => t.SecretName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);
        var certificates = new List<Certificate>();
        for (var i = 0; i < tls.Count; i++)
        {
            var entry = tls[i];
            var hosts = (entry.Hosts ?? []).Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (string.IsNullOrEmpty(entry.SecretName))
            {
                problems.Add(new IngressShimProblem(IngressShimProblem.BadConfig, $"TLS entry {i} for hosts [{string.Join(", ", hosts)}] has no secretName"));
                continue;
            }

            if (secretUses[entry.SecretName] > 1)
            {
                problems.Add(new IngressShimProblem(IngressShimProblem.BadConfig, $"TLS entry {i}: secretName \"{entry.SecretName}\" is used by more than one TLS entry"));
                held.Add(entry.SecretName);
                continue;
            }

            if (hosts.Count == 0)
            {
                problems.Add(new IngressShimProblem(IngressShimProblem.BadConfig, $"TLS entry {i} for secret \"{entry.SecretName}\" has no hosts"));
                held.Add(entry.SecretName);
                continue;
            }

            certificates.Add(Build(ingress, entry.SecretName, hosts, issuer.IssuerRef!, tuning, annotations));
        }

        return new IngressCertificateMapping { Managed = true, Certificates = certificates, Problems = problems, HeldSecretNames = held };
    }

    private static Certificate Build(V1Ingress ingress, string secretName, List<string> hosts, ObjectReference issuerRef, CertificateTuning tuning, IngressAnnotationReader annotations)
    {
        var certificateAnnotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (annotations.Get(AnnotationKeys.AcmeHttp01IngressClass) is { Length: > 0 } ingressClass)
        {
            certificateAnnotations[IngressShimAnnotations.Http01OverrideIngressClass] = ingressClass;
        }
        if (annotations.Get(AnnotationKeys.AcmeProfile) is { Length: > 0 } profile)
        {
            certificateAnnotations[AnnotationKeys.AcmeProfile] = profile;
        }

        return new Certificate
        {
            Metadata = new V1ObjectMeta
            {
                Name = secretName,
                NamespaceProperty = ingress.Metadata.NamespaceProperty,
                Annotations = certificateAnnotations.Count == 0 ? null : certificateAnnotations,
                OwnerReferences = [IngressOwnership.OwnerReference(ingress)],
            },
            Spec = new CertificateSpec
            {
                SecretName = secretName,
                DnsNames = hosts,
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

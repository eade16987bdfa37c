using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>
/// Pure mapping from an Ingress (and the operator's settings) to the Certificates it asks for, like
/// cert-manager's ingress-shim: one Certificate per <c>spec.tls[]</c> entry, named after the entry's
/// secretName, with the entry's hosts as dnsNames and the Ingress as controlling owner.
/// </summary>
public static class IngressCertificateMapper
{
    public static ShimCertificateMapping Map(V1Ingress ingress, ShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(options);
        if (ShimRequest.TryParse(ingress.Metadata?.Annotations, options, out var request) is { } early)
        {
            return early;
        }

        var (annotations, issuerRef, tuning, notices) = request!;
        var problems = new List<ShimProblem>(notices);

        if (string.Equals(annotations.Get(AnnotationKeys.AcmeHttp01EditInPlace), "true", StringComparison.OrdinalIgnoreCase))
        {
            // Editing the user's Ingress would need a responder Service in every application namespace (an
            // Ingress backend must be in its own namespace); the temporary Ingress serves the same hosts instead.
            problems.Add(new ShimProblem(ShimProblem.Unsupported,
                $"{annotations.SourceKey(AnnotationKeys.AcmeHttp01EditInPlace)} is not supported: HTTP-01 is answered through a temporary Ingress for the same hosts"));
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
                problems.Add(new ShimProblem(ShimProblem.BadConfig, $"TLS entry {i} for hosts [{string.Join(", ", hosts)}] has no secretName"));
                continue;
            }

            if (secretUses[entry.SecretName] > 1)
            {
                problems.Add(new ShimProblem(ShimProblem.BadConfig, $"TLS entry {i}: secretName \"{entry.SecretName}\" is used by more than one TLS entry"));
                held.Add(entry.SecretName);
                continue;
            }

            if (hosts.Count == 0)
            {
                problems.Add(new ShimProblem(ShimProblem.BadConfig, $"TLS entry {i} for secret \"{entry.SecretName}\" has no hosts"));
                held.Add(entry.SecretName);
                continue;
            }

            certificates.Add(Build(ingress, entry.SecretName, hosts, issuerRef, tuning, annotations, options));
        }

        return new ShimCertificateMapping { Managed = true, Certificates = certificates, Problems = problems, HeldSecretNames = held };
    }

    private static Certificate Build(
        V1Ingress ingress, string secretName, List<string> hosts, ObjectReference issuerRef, CertificateTuning tuning, ShimAnnotationReader annotations, ShimOptions options)
    {
        var certificateAnnotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (annotations.Get(AnnotationKeys.AcmeHttp01IngressClass) is { Length: > 0 } ingressClass)
        {
            certificateAnnotations[ShimAnnotations.Http01OverrideIngressClass] = ingressClass;
        }

        if (annotations.Get(AnnotationKeys.AcmeProfile) is { Length: > 0 } profile)
        {
            certificateAnnotations[AnnotationKeys.AcmeProfile] = profile;
        }

        return ShimCertificateFactory.Build(ingress.Metadata.NamespaceProperty, secretName, hosts, issuerRef, tuning,
            IngressOwnership.OwnerReference(ingress), certificateAnnotations, ShimCertificateLabels.FromOwner(ingress.Metadata.Labels, options));
    }
}

using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>What an annotated object's issuer and tuning annotations ask for, once they parsed without problems.</summary>
/// <param name="Notices">Annotations read but not acted on (<see cref="ShimProblem.Unsupported"/>): reported, the Certificates are still made.</param>
public sealed record ShimRequest(ShimAnnotationReader Annotations, ObjectReference IssuerRef, CertificateTuning Tuning, IReadOnlyList<ShimProblem> Notices)
{
    // cert-manager annotations this operator does not act on: said once per sync rather than ignored silently.
    private static readonly (string Key, string Why)[] Unsupported =
    [
        (AnnotationKeys.IngressSecretTemplate, "secretTemplate is not set from an annotation; set it on the Certificate"),
        (AnnotationKeys.AcmeHttp01IngressClassName, $"use {AnnotationKeys.AcmeHttp01IngressClass}, which sets the solver Ingress's ingressClassName here"),
    ];

    /// <summary>
    /// Reads the issuer and tuning annotations. Returns null with <paramref name="request"/> set when they are good;
    /// otherwise the mapping to return as it is: unmanaged (no issuer annotation) or invalid with its problems.
    /// </summary>
    public static ShimCertificateMapping? TryParse(IDictionary<string, string>? annotations, ShimOptions options, out ShimRequest? request)
    {
        ArgumentNullException.ThrowIfNull(options);
        request = null;
        var reader = new ShimAnnotationReader(annotations, options.CertManagerAnnotations, options.Flavor);
        var issuer = IssuerRefResolver.Resolve(reader, options);
        if (!issuer.Managed)
        {
            return ShimCertificateMapping.Unmanaged;
        }

        var problems = new List<ShimProblem>();
        if (issuer.Problem is not null)
        {
            problems.Add(issuer.Problem);
        }

        var tuning = CertificateTuning.Parse(reader, problems);
        if (problems.Count > 0)
        {
            return new ShimCertificateMapping { Managed = true, Invalid = true, Problems = problems };
        }

        if (tuning.Usages is null && options.DefaultUsages is { } usages)
        {
            tuning = tuning with { Usages = [.. usages] };
        }

        var notices = Unsupported.Where(u => reader.Get(u.Key) is not null)
            .Select(u => new ShimProblem(ShimProblem.Unsupported, $"{reader.SourceKey(u.Key)} is not supported: {u.Why}"))
            .ToList();
        request = new ShimRequest(reader, issuer.IssuerRef!, tuning, notices);
        return null;
    }
}

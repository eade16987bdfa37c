using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>
/// Re-issue check against the CertificateRequest of the current revision, for ACME issuers: the CA decides the
/// certificate's subject and signature, so a change of subject, literalSubject, otherNames, signatureAlgorithm, usages
/// or isCA shows only in what was asked for (locally signed certificates are compared with the certificate itself).
/// </summary>
public static class RequestPolicies
{
    public static ReissueDecision? CertificateRequestMismatchesSpec(ReissueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.SignsLocally || input.LastRequest is not { } last)
        {
            return null;
        }

        var problems = Differences(input.Spec, last);
        return problems.Count == 0
            ? null
            : new(ConditionReasons.RequestChanged,
                $"Issuing certificate as the spec no longer matches what the last CertificateRequest asked for: {string.Join(", ", problems)} differ");
    }

    /// <summary>The names of the fields that differ (empty when all match, or when the spec cannot be encoded).</summary>
    public static IReadOnlyList<string> Differences(CertificateSpec spec, LastRequest last)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(last);
        CertificateTemplate template;
        byte[] subject;
        try
        {
            template = CertificateTemplateFactory.Create(spec).Template;
            subject = CertificateTemplateEncoder.BuildSubject(template).RawData;
        }
        catch (Exception e) when (e is PkiException or ArgumentException)
        {
            // An invalid spec is reported by the validate step, not re-issued over.
            return [];
        }

        var problems = new List<string>();
        if (!subject.AsSpan().SequenceEqual(last.Csr.Subject.RawData))
        {
            problems.Add(string.IsNullOrEmpty(spec.LiteralSubject) ? "subject" : "literalSubject");
        }

        if (!template.OtherNames.ToHashSet().SetEquals(last.Csr.SubjectAltNames.OtherNames))
        {
            problems.Add("otherNames");
        }

        var wanted = string.IsNullOrEmpty(spec.SignatureAlgorithm) || spec.SignatureAlgorithm == CsrSignatureAlgorithm.DefaultFor(last.Csr.PublicKey)
            ? null
            : spec.SignatureAlgorithm;
        if (wanted != CsrSignatureAlgorithm.Requested(last.Csr))
        {
            problems.Add("signatureAlgorithm");
        }

        if (!Usages(spec.Usages).SetEquals(Usages(last.Usages)))
        {
            problems.Add("usages");
        }

        if ((spec.IsCA ?? false) != last.IsCA)
        {
            problems.Add("isCA");
        }

        return problems;
    }

    private static HashSet<string> Usages(IReadOnlyList<string>? usages) =>
        new(usages is { Count: > 0 } ? usages : KeyUsages.Default, StringComparer.Ordinal);
}

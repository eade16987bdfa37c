using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>Re-issue check for literalSubject, otherNames, nameConstraints and signatureAlgorithm.</summary>
public static class X509FieldsPolicies
{
    private static readonly Dictionary<string, string> SignatureOids = new(StringComparer.Ordinal)
    {
        [SignatureAlgorithms.Sha256WithRsa] = "1.2.840.113549.1.1.11",
        [SignatureAlgorithms.Sha384WithRsa] = "1.2.840.113549.1.1.12",
        [SignatureAlgorithms.Sha512WithRsa] = "1.2.840.113549.1.1.13",
        [SignatureAlgorithms.EcdsaWithSha256] = "1.2.840.10045.4.3.2",
        [SignatureAlgorithms.EcdsaWithSha384] = "1.2.840.10045.4.3.3",
        [SignatureAlgorithms.EcdsaWithSha512] = "1.2.840.10045.4.3.4",
        [SignatureAlgorithms.PureEd25519] = "1.3.101.112",
    };

    /// <summary>
    /// Fires when the stored certificate's subject (for a literalSubject), otherNames, name constraints or
    /// signature algorithm differ from the spec. Only for SelfSigned and CA issuers (<see cref="ReissueInput.SignsLocally"/>):
    /// an ACME CA sets its own subject and signature, and comparing would re-issue forever.
    /// </summary>
    public static ReissueDecision? CertificateX509FieldsMismatchSpec(ReissueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.SignsLocally || input.Material.Certificate is not { } cert)
        {
            return null;
        }

        var problems = Differences(input.Spec, cert);
        return problems.Count == 0
            ? null
            : new(ConditionReasons.IncorrectCertificate,
                $"Issuing certificate as the existing certificate does not match the spec: {string.Join(", ", problems)} differ");
    }

    /// <summary>The names of the fields that differ (empty when all match).</summary>
    public static IReadOnlyList<string> Differences(CertificateSpec spec, CertificateInfo cert)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(cert);
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(spec.LiteralSubject) && LiteralSubjectParser.Parse(spec.LiteralSubject).Error is null
            && !LiteralSubjectParser.Encode(spec.LiteralSubject).RawData.AsSpan().SequenceEqual(cert.SubjectDer))
        {
            problems.Add("literalSubject");
        }

        var wantOther = X509FieldsMapper.OtherNames(spec.OtherNames).ToHashSet();
        if (!wantOther.SetEquals(cert.SubjectAltNames.OtherNames))
        {
            problems.Add("otherNames");
        }

        var wantConstraints = (spec.IsCA ?? false) ? X509FieldsMapper.NameConstraints(spec.NameConstraints) : null;
        if (wantConstraints is null ? cert.NameConstraints is not null : !wantConstraints.SameAs(cert.NameConstraints))
        {
            problems.Add("nameConstraints");
        }

        if (spec.SignatureAlgorithm is { Length: > 0 } algorithm && SignatureOids.TryGetValue(algorithm, out var oid)
            && cert.SignatureAlgorithmOid != oid)
        {
            problems.Add("signatureAlgorithm");
        }

        return problems;
    }
}

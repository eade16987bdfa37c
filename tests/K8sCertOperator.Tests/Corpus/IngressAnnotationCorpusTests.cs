using System.Globalization;
using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>
/// Ingress annotations with garbage values, mapped field by field onto a CertificateSpec and run through the
/// spec validator (the only pure validator that exists for them today). The ingress-shim itself is not in main
/// yet; <see cref="IngressShimEmitsWarningAndCreatesNoCertificate"/> stays skipped until it is.
/// </summary>
public class IngressAnnotationCorpusTests
{
    private const string Area = "ingress";

    public static TheoryData<string> Cases() => CorpusFiles.Names(Area);

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnnotationValueIsRejectedByTheFieldValidator(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        var annotations = c.Input["annotations"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());

        var errors = Map(annotations, out var spec);
        if (spec is not null)
        {
            errors.AddRange(CertificateSpecValidator.Validate(spec));
        }

        CorpusAssert.Outcome(c, "validator", errors);
        var fragment = c.Expected("error")!;
        Assert.True(errors.Any(e => e.Contains(fragment, StringComparison.Ordinal)), $"{c}: no error contains '{fragment}': {string.Join("; ", errors)}");
    }

    [SkippableFact]
    public void IngressShimEmitsWarningAndCreatesNoCertificate()
    {
        var shim = typeof(ApiGroups).Assembly.GetTypes().FirstOrDefault(t => t.Namespace?.Contains("Ingress", StringComparison.Ordinal) == true);
        Skip.If(shim is null, "the ingress-shim controller is not in main yet; tests/corpus/ingress expect.shim says what it must do");
        Assert.Fail($"{shim!.FullName} exists: run tests/corpus/ingress through it (expect.shim) instead of skipping");
    }

    /// <summary>cert-manager's annotation-to-field mapping for the annotations the corpus uses; unparsable numbers are errors.</summary>
    private static List<string> Map(IReadOnlyDictionary<string, string> annotations, out CertificateSpec? spec)
    {
        var errors = new List<string>();
        spec = new CertificateSpec
        {
            SecretName = "corpus-tls",
            DnsNames = ["corpus.example.com"],
            IssuerRef = new ObjectReference { Name = annotations.GetValueOrDefault(AnnotationKeys.IngressIssuer, "") },
        };
        spec.IssuerRef.Kind = annotations.GetValueOrDefault(AnnotationKeys.IngressIssuerKind);
        spec.CommonName = annotations.GetValueOrDefault(AnnotationKeys.IngressCommonName);
        spec.Duration = annotations.GetValueOrDefault(AnnotationKeys.IngressDuration);
        spec.RenewBefore = annotations.GetValueOrDefault(AnnotationKeys.IngressRenewBefore);
        if (annotations.TryGetValue(AnnotationKeys.IngressUsages, out var usages))
        {
            spec.Usages = [.. usages.Split(',')];
        }

        var key = new CertificatePrivateKey
        {
            Algorithm = annotations.GetValueOrDefault(AnnotationKeys.IngressPrivateKeyAlgorithm),
            RotationPolicy = annotations.GetValueOrDefault(AnnotationKeys.IngressPrivateKeyRotationPolicy),
        };
        if (annotations.TryGetValue(AnnotationKeys.IngressPrivateKeySize, out var size))
        {
            if (int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
            {
                key.Size = bits;
            }
            else
            {
                errors.Add($"{AnnotationKeys.IngressPrivateKeySize}: \"{size}\" is not an integer");
            }
        }

        spec.PrivateKey = key;
        return errors;
    }
}

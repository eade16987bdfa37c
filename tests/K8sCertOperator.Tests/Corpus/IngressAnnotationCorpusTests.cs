using System.Globalization;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Hosting;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>
/// Ingress annotations with garbage values, mapped field by field onto a CertificateSpec and run through the
/// spec validator, and through the ingress-shim's mapper, which must report a problem (a Warning Event on the
/// Ingress) and create no Certificate.
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

    [Theory]
    [MemberData(nameof(Cases))]
    public void IngressShimReportsAProblemAndCreatesNoCertificate(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        var annotations = c.Input["annotations"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
        var ingress = new V1Ingress
        {
            Metadata = new V1ObjectMeta { Name = "corpus", NamespaceProperty = "corpus", Uid = "uid-corpus", Annotations = annotations },
            Spec = new V1IngressSpec { Tls = [new V1IngressTLS { Hosts = ["corpus.example.com"], SecretName = "corpus-tls" }] },
        };

        var mapping = IngressCertificateMapper.Map(ingress, ShimOptions.From(new OperatorOptions()));

        Assert.Equal("warn-no-certificate", c.Expected("shim"));
        Assert.True(mapping.Problems.Count > 0, $"{c}: the ingress-shim accepted it");
        Assert.Empty(mapping.Certificates);
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

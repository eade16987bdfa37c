using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>
/// Spec checks of literalSubject, otherNames, nameConstraints and signatureAlgorithm, including that the
/// signature algorithm suits spec.privateKey.algorithm (RSA when unset). A CA issuer's own key is checked when signing.
/// </summary>
public static class X509FieldsSpecValidator
{
    public static void Validate(CertificateSpec spec, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(errors);
        var template = new CertificateTemplate
        {
            CommonName = string.IsNullOrEmpty(spec.CommonName) ? null : spec.CommonName,
            Subject = spec.Subject is null ? null : new CertificateSubject
            {
                Organizations = spec.Subject.Organizations ?? [],
                OrganizationalUnits = spec.Subject.OrganizationalUnits ?? [],
                Countries = spec.Subject.Countries ?? [],
                Localities = spec.Subject.Localities ?? [],
                Provinces = spec.Subject.Provinces ?? [],
                StreetAddresses = spec.Subject.StreetAddresses ?? [],
                PostalCodes = spec.Subject.PostalCodes ?? [],
                SerialNumber = string.IsNullOrEmpty(spec.Subject.SerialNumber) ? null : spec.Subject.SerialNumber,
            },
            LiteralSubject = string.IsNullOrEmpty(spec.LiteralSubject) ? null : spec.LiteralSubject,
            OtherNames = X509FieldsMapper.OtherNames(spec.OtherNames),
            NameConstraints = X509FieldsMapper.NameConstraints(spec.NameConstraints),
            IsCA = spec.IsCA ?? false,
            SignatureAlgorithm = string.IsNullOrEmpty(spec.SignatureAlgorithm) ? null : spec.SignatureAlgorithm,
        };
        X509FieldsValidator.Validate(template, errors);
        if (spec.NameConstraints is not null && !(spec.IsCA ?? false) && template.NameConstraints is null)
        {
            errors.Add("nameConstraints can only be set on a CA certificate (isCA: true)");
        }

        if (template.SignatureAlgorithm is { } algorithm && SignatureAlgorithms.KeyAlgorithmFor(algorithm) is not null)
        {
            var pk = spec.PrivateKey;
            if (PrivateKeySpec.FromApi(pk?.Algorithm, pk?.Size, pk?.Encoding).Spec is { } keySpec
                && SignatureAlgorithms.Resolve(algorithm, keySpec.Algorithm).Error is { } mismatch)
            {
                errors.Add(mismatch.Replace("the signing key is", "spec.privateKey.algorithm is", StringComparison.Ordinal));
            }
        }
    }
}

using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>Maps a CertificateSpec onto the PKI layer's template, duration and private key spec, applying defaults.</summary>
public static class CertificateTemplateFactory
{
    /// <summary>cert-manager's default: 90 days (2160h).</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2160);

    /// <summary>Expects a spec that passed <see cref="CertificateSpecValidator"/>; throws ArgumentException otherwise.</summary>
    public static CertificateIssuanceParameters Create(CertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var duration = DefaultDuration;
        if (spec.Duration is not null && !GoDuration.TryParse(spec.Duration, out duration, out var durationError))
        {
            throw new ArgumentException($"duration: {durationError}", nameof(spec));
        }

        var pk = spec.PrivateKey;
        var (keySpec, keyError) = PrivateKeySpec.FromApi(pk?.Algorithm, pk?.Size, pk?.Encoding);
        if (keySpec is null)
        {
            throw new ArgumentException($"privateKey: {keyError}", nameof(spec));
        }

        var template = new CertificateTemplate
        {
            CommonName = string.IsNullOrEmpty(spec.CommonName) ? null : spec.CommonName,
            Subject = MapSubject(spec.Subject),
            DnsNames = spec.DnsNames?.ToList() ?? [],
            IpAddresses = spec.IpAddresses?.ToList() ?? [],
            Uris = spec.Uris?.ToList() ?? [],
            EmailAddresses = spec.EmailAddresses?.ToList() ?? [],
            Usages = spec.Usages is { Count: > 0 } usages ? usages.ToList() : KeyUsages.Default,
            IsCA = spec.IsCA ?? false,
            LiteralSubject = string.IsNullOrEmpty(spec.LiteralSubject) ? null : spec.LiteralSubject,
            OtherNames = X509FieldsMapper.OtherNames(spec.OtherNames),
            NameConstraints = X509FieldsMapper.NameConstraints(spec.NameConstraints),
            SignatureAlgorithm = string.IsNullOrEmpty(spec.SignatureAlgorithm) ? null : spec.SignatureAlgorithm,
            EncodeUsagesInRequest = spec.EncodeUsagesInRequest ?? true,
        };
        return new CertificateIssuanceParameters(template, duration, keySpec);
    }

    private static CertificateSubject? MapSubject(X509Subject? subject)
    {
        if (subject is null)
        {
            return null;
        }

        var mapped = new CertificateSubject
        {
            Organizations = subject.Organizations?.ToList() ?? [],
            OrganizationalUnits = subject.OrganizationalUnits?.ToList() ?? [],
            Countries = subject.Countries?.ToList() ?? [],
            Localities = subject.Localities?.ToList() ?? [],
            Provinces = subject.Provinces?.ToList() ?? [],
            StreetAddresses = subject.StreetAddresses?.ToList() ?? [],
            PostalCodes = subject.PostalCodes?.ToList() ?? [],
            SerialNumber = string.IsNullOrEmpty(subject.SerialNumber) ? null : subject.SerialNumber,
        };
        return mapped.IsEmpty ? null : mapped;
    }
}

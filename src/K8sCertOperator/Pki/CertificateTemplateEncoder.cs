using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Turns a validated <see cref="CertificateTemplate"/> into a subject DN and X.509 extensions.</summary>
internal static class CertificateTemplateEncoder
{
    /// <summary>Validates and throws <see cref="InvalidCertificateTemplateException"/> listing every problem.</summary>
    public static void EnsureValid(CertificateTemplate template)
    {
        var errors = CertificateTemplateValidator.Validate(template);
        if (errors.Count > 0)
        {
            throw new InvalidCertificateTemplateException(errors);
        }
    }

    /// <summary>Subject in the order Go's pkix.Name emits it (C, ST, L, street, postalCode, O, OU, CN, serialNumber).</summary>
    public static X500DistinguishedName BuildSubject(CertificateTemplate t)
    {
        if (t.RawSubject is { } raw)
        {
            return raw;
        }

        if (!string.IsNullOrEmpty(t.LiteralSubject))
        {
            return LiteralSubjectParser.Encode(t.LiteralSubject);
        }

        var b = new X500DistinguishedNameBuilder();
        var s = t.Subject ?? new CertificateSubject();
        foreach (var v in s.Countries)
        {
            b.AddCountryOrRegion(v.ToUpperInvariant());
        }

        foreach (var v in s.Provinces)
        {
            b.AddStateOrProvinceName(v);
        }

        foreach (var v in s.Localities)
        {
            b.AddLocalityName(v);
        }

        foreach (var v in s.StreetAddresses)
        {
            b.Add("2.5.4.9", v);
        }

        foreach (var v in s.PostalCodes)
        {
            b.Add("2.5.4.17", v);
        }

        foreach (var v in s.Organizations)
        {
            b.AddOrganizationName(v);
        }

        foreach (var v in s.OrganizationalUnits)
        {
            b.AddOrganizationalUnitName(v);
        }

        if (!string.IsNullOrEmpty(t.CommonName))
        {
            b.AddCommonName(t.CommonName);
        }

        if (!string.IsNullOrEmpty(s.SerialNumber))
        {
            b.Add("2.5.4.5", s.SerialNumber, System.Formats.Asn1.UniversalTagNumber.PrintableString);
        }

        return b.Build();
    }

    /// <summary>
    /// KeyUsage (critical), EKU, BasicConstraints (critical), SAN (critical when the subject is empty) and name
    /// constraints. <paramref name="forRequest"/> leaves the usages out when the template says not to encode them in a CSR.
    /// </summary>
    public static List<X509Extension> BuildExtensions(CertificateTemplate t, bool subjectIsEmpty, bool forRequest = false)
    {
        var (usages, error) = KeyUsageResolver.Resolve(t.Usages, t.IsCA);
        if (usages is null)
        {
            throw new InvalidCertificateTemplateException([error!]);
        }

        var extensions = new List<X509Extension>
        {
            new X509BasicConstraintsExtension(t.IsCA, false, 0, critical: true),
        };
        var withUsages = !forRequest || t.EncodeUsagesInRequest;
        if (withUsages && usages.KeyUsage != X509KeyUsageFlags.None)
        {
            extensions.Add(new X509KeyUsageExtension(usages.KeyUsage, critical: true));
        }

        if (withUsages && usages.ExtendedKeyUsageOids.Count > 0)
        {
            var oids = new System.Security.Cryptography.OidCollection();
            foreach (var oid in usages.ExtendedKeyUsageOids)
            {
                oids.Add(new System.Security.Cryptography.Oid(oid));
            }

            extensions.Add(new X509EnhancedKeyUsageExtension(oids, critical: false));
        }

        // RFC 5280 4.2.1.6: with an empty subject the SAN extension must be critical.
        if (SubjectAltNameCodec.Encode(t, critical: subjectIsEmpty) is { } san)
        {
            extensions.Add(san);
        }

        if (t.IsCA && NameConstraintsCodec.Encode(t.NameConstraints) is { } constraints)
        {
            extensions.Add(constraints);
        }

        return extensions;
    }
}

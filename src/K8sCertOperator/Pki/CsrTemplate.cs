using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// The certificate a CSR asks for: its subject verbatim (the common name and X509Subject fields read from it describe
/// it), its SANs including otherNames, name constraints when it is for a CA, and a non-default signature algorithm;
/// with the usages and CA flag the CertificateRequest spec adds. Other extension requests are not honoured, as in
/// cert-manager's CA issuer.
/// </summary>
public static class CsrTemplate
{
    public static CertificateTemplate Create(ParsedCertificateRequest csr, IReadOnlyList<string> usages, bool isCA)
    {
        ArgumentNullException.ThrowIfNull(csr);
        ArgumentNullException.ThrowIfNull(usages);
        var subject = ReadSubject(csr.Subject);
        return new CertificateTemplate
        {
            CommonName = csr.CommonName,
            Subject = subject.IsEmpty ? null : subject,
            DnsNames = csr.SubjectAltNames.DnsNames,
            IpAddresses = csr.SubjectAltNames.IpAddresses,
            Uris = csr.SubjectAltNames.Uris,
            EmailAddresses = csr.SubjectAltNames.EmailAddresses,
            OtherNames = csr.SubjectAltNames.OtherNames,
            Usages = usages,
            IsCA = isCA,
            RawSubject = csr.Subject.RawData.Length > 2 ? csr.Subject : null,
            NameConstraints = isCA ? RequestedNameConstraints(csr) : null,
            SignatureAlgorithm = CsrSignatureAlgorithm.Requested(csr),
        };
    }

    /// <summary>Throws <see cref="PemFormatException"/> when the CSR's name constraints extension does not decode.</summary>
    private static NameConstraints? RequestedNameConstraints(ParsedCertificateRequest csr)
    {
        if (csr.RequestedExtensions.FirstOrDefault(e => e.Oid?.Value == NameConstraintsCodec.Oid) is not { } extension)
        {
            return null;
        }

        try
        {
            return NameConstraintsCodec.Decode(extension.RawData, extension.Critical);
        }
        catch (System.Formats.Asn1.AsnContentException e)
        {
            throw new PemFormatException("certificate request: the name constraints extension does not decode", e);
        }
    }

    private static CertificateSubject ReadSubject(X500DistinguishedName name)
    {
        List<string> o = [], ou = [], c = [], l = [], st = [], street = [], postal = [];
        string? serial = null;
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            if (rdn.HasMultipleElements || rdn.GetSingleElementValue() is not { } value)
            {
                continue;
            }

            switch (rdn.GetSingleElementType().Value)
            {
                case "2.5.4.10": o.Add(value); break;
                case "2.5.4.11": ou.Add(value); break;
                case "2.5.4.6": c.Add(value); break;
                case "2.5.4.7": l.Add(value); break;
                case "2.5.4.8": st.Add(value); break;
                case "2.5.4.9": street.Add(value); break;
                case "2.5.4.17": postal.Add(value); break;
                case "2.5.4.5": serial = value; break;
            }
        }

        return new CertificateSubject
        {
            Organizations = o, OrganizationalUnits = ou, Countries = c, Localities = l, Provinces = st,
            StreetAddresses = street, PostalCodes = postal, SerialNumber = serial,
        };
    }
}

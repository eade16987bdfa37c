using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// The certificate a CSR asks for: its subject (common name and the X509Subject fields) and SANs, with the usages and
/// CA flag the CertificateRequest spec adds (a CSR's own extension requests other than SANs are not honoured, as in
/// cert-manager's CA issuer).
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
            Usages = usages,
            IsCA = isCA,
        };
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

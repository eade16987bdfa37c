using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// Encodes and decodes the GeneralNames of a subjectAltName extension (RFC 5280 4.2.1.6) for the four name
/// types we issue. Encoding is done by hand rather than via SubjectAlternativeNameBuilder so that names are written
/// exactly as validated (no IDN re-mapping of wildcards or A-labels).
/// </summary>
internal static class SubjectAltNameCodec
{
    public const string Oid = "2.5.29.17";

    private static readonly Asn1Tag Rfc822Tag = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag DnsTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);
    private static readonly Asn1Tag IpTag = new(TagClass.ContextSpecific, 7);

    /// <summary>Builds the extension, or null when there are no names. Inputs must already be validated.</summary>
    public static X509Extension? Encode(CertificateTemplate t, bool critical)
    {
        if (t.DnsNames.Count + t.IpAddresses.Count + t.Uris.Count + t.EmailAddresses.Count == 0)
        {
            return null;
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var dns in t.DnsNames)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, dns, DnsTag);
            }

            foreach (var ip in t.IpAddresses)
            {
                writer.WriteOctetString(IPAddress.Parse(ip).GetAddressBytes(), IpTag);
            }

            foreach (var uri in t.Uris)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, UriTag);
            }

            foreach (var email in t.EmailAddresses)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, email, Rfc822Tag);
            }
        }

        return new X509Extension(Oid, writer.Encode(), critical);
    }

    /// <summary>Reads DNS, IP, URI and e-mail names; other GeneralName kinds are skipped. Throws AsnContentException on bad DER.</summary>
    public static SubjectAltNames Decode(ReadOnlyMemory<byte> extensionValue)
    {
        var dns = new List<string>();
        var ips = new List<string>();
        var uris = new List<string>();
        var emails = new List<string>();
        var outer = new AsnReader(extensionValue, AsnEncodingRules.DER);
        var names = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.HasSameClassAndValue(DnsTag))
            {
                dns.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, DnsTag));
            }
            else if (tag.HasSameClassAndValue(IpTag))
            {
                var bytes = names.ReadOctetString(IpTag);
                if (bytes.Length is not (4 or 16))
                {
                    throw new AsnContentException("iPAddress SAN must be 4 or 16 bytes");
                }

                ips.Add(new IPAddress(bytes).ToString());
            }
            else if (tag.HasSameClassAndValue(UriTag))
            {
                uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
            }
            else if (tag.HasSameClassAndValue(Rfc822Tag))
            {
                emails.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, Rfc822Tag));
            }
            else
            {
                names.ReadEncodedValue();
            }
        }

        return new SubjectAltNames(dns, ips, uris, emails);
    }
}

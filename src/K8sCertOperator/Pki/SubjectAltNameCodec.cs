using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// Encodes and decodes the GeneralNames of a subjectAltName extension (RFC 5280 4.2.1.6) for the name
/// types we issue. Encoding is done by hand rather than via SubjectAlternativeNameBuilder so that names are written
/// exactly as validated (no IDN re-mapping of wildcards or A-labels).
/// </summary>
internal static class SubjectAltNameCodec
{
    public const string Oid = "2.5.29.17";

    private static readonly Asn1Tag OtherValueTag = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>Builds the extension, or null when there are no names. Inputs must already be validated.</summary>
    public static X509Extension? Encode(CertificateTemplate t, bool critical)
    {
        if (t.DnsNames.Count + t.IpAddresses.Count + t.Uris.Count + t.EmailAddresses.Count + t.OtherNames.Count == 0)
        {
            return null;
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var dns in t.DnsNames)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, dns, GeneralNameTags.Dns);
            }

            foreach (var ip in t.IpAddresses)
            {
                writer.WriteOctetString(IPAddress.Parse(ip).GetAddressBytes(), GeneralNameTags.Ip);
            }

            foreach (var uri in t.Uris)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, GeneralNameTags.Uri);
            }

            foreach (var email in t.EmailAddresses)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, email, GeneralNameTags.Rfc822);
            }

            foreach (var other in t.OtherNames)
            {
                // OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY }, here ANY is a UTF8String.
                using (writer.PushSequence(GeneralNameTags.OtherName))
                {
                    writer.WriteObjectIdentifier(other.Oid);
                    using (writer.PushSequence(OtherValueTag))
                    {
                        writer.WriteCharacterString(UniversalTagNumber.UTF8String, other.Utf8Value);
                    }
                }
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
        var others = new List<OtherName>();
        var outer = new AsnReader(extensionValue, AsnEncodingRules.DER);
        var names = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.HasSameClassAndValue(GeneralNameTags.Dns))
            {
                dns.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, GeneralNameTags.Dns));
            }
            else if (tag.HasSameClassAndValue(GeneralNameTags.Ip))
            {
                var bytes = names.ReadOctetString(GeneralNameTags.Ip);
                if (bytes.Length is not (4 or 16))
                {
                    throw new AsnContentException("iPAddress SAN must be 4 or 16 bytes");
                }

                ips.Add(new IPAddress(bytes).ToString());
            }
            else if (tag.HasSameClassAndValue(GeneralNameTags.Uri))
            {
                uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, GeneralNameTags.Uri));
            }
            else if (tag.HasSameClassAndValue(GeneralNameTags.Rfc822))
            {
                emails.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, GeneralNameTags.Rfc822));
            }
            else if (tag.HasSameClassAndValue(GeneralNameTags.OtherName) && ReadUtf8OtherName(names.ReadSequence(GeneralNameTags.OtherName)) is { } other)
            {
                others.Add(other);
            }
            else if (!tag.HasSameClassAndValue(GeneralNameTags.OtherName))
            {
                names.ReadEncodedValue();
            }
        }

        return new SubjectAltNames(dns, ips, uris, emails) { OtherNames = others };
    }

    // Only UTF8String values are ours to show; other value types are skipped.
    private static OtherName? ReadUtf8OtherName(AsnReader otherName)
    {
        var oid = otherName.ReadObjectIdentifier();
        var value = otherName.ReadSequence(OtherValueTag);
        return value.HasData && value.PeekTag().HasSameClassAndValue(new Asn1Tag(UniversalTagNumber.UTF8String))
            ? new OtherName(oid, value.ReadCharacterString(UniversalTagNumber.UTF8String))
            : null;
    }
}

using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// Encodes and decodes the nameConstraints extension, which the BCL has no type for. Subtrees are written in the
/// order Go's x509 package uses (DNS, IP, e-mail, URI) with neither minimum nor maximum.
/// </summary>
internal static class NameConstraintsCodec
{
    public const string Oid = "2.5.29.30";

    private static readonly Asn1Tag PermittedTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag ExcludedTag = new(TagClass.ContextSpecific, 1, isConstructed: true);

    /// <summary>The extension, or null when both sides are empty. IP ranges must be valid CIDR (see <see cref="TryParseCidr"/>).</summary>
    public static X509Extension? Encode(NameConstraints? constraints)
    {
        if (constraints is null || constraints.IsEmpty)
        {
            return null;
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            WriteSubtrees(writer, constraints.Permitted, PermittedTag);
            WriteSubtrees(writer, constraints.Excluded, ExcludedTag);
        }

        return new X509Extension(Oid, writer.Encode(), constraints.Critical);
    }

    /// <summary>Reads the four name kinds back; other kinds are skipped. Throws AsnContentException on bad DER.</summary>
    public static NameConstraints Decode(ReadOnlyMemory<byte> extensionValue, bool critical)
    {
        var outer = new AsnReader(extensionValue, AsnEncodingRules.DER);
        var body = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var permitted = new NameConstraintSubtrees();
        var excluded = new NameConstraintSubtrees();
        if (body.HasData && body.PeekTag().HasSameClassAndValue(PermittedTag))
        {
            permitted = ReadSubtrees(body.ReadSequence(PermittedTag));
        }

        if (body.HasData && body.PeekTag().HasSameClassAndValue(ExcludedTag))
        {
            excluded = ReadSubtrees(body.ReadSequence(ExcludedTag));
        }

        body.ThrowIfNotEmpty();
        return new NameConstraints { Critical = critical, Permitted = permitted, Excluded = excluded };
    }

    /// <summary>Address and mask bytes of a CIDR range ("10.0.0.0/8" gives 8 bytes, an IPv6 range 32); null when invalid.</summary>
    public static byte[]? TryParseCidr(string cidr)
    {
        if (!IPNetwork.TryParse(cidr, out var network))
        {
            return null;
        }

        var address = network.BaseAddress.GetAddressBytes();
        var mask = new byte[address.Length];
        for (var bit = 0; bit < network.PrefixLength; bit++)
        {
            mask[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        return [.. address, .. mask];
    }

    private static void WriteSubtrees(AsnWriter writer, NameConstraintSubtrees subtrees, Asn1Tag tag)
    {
        if (subtrees.IsEmpty)
        {
            return;
        }

        using (writer.PushSequence(tag))
        {
            foreach (var dns in subtrees.DnsDomains)
            {
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, dns, GeneralNameTags.Dns);
                }
            }

            foreach (var range in subtrees.IpRanges)
            {
                var bytes = TryParseCidr(range) ?? throw new InvalidCertificateTemplateException([$"nameConstraints: {range} is not a CIDR range"]);
                using (writer.PushSequence())
                {
                    writer.WriteOctetString(bytes, GeneralNameTags.Ip);
                }
            }

            foreach (var email in subtrees.EmailAddresses)
            {
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, email, GeneralNameTags.Rfc822);
                }
            }

            foreach (var uri in subtrees.UriDomains)
            {
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, GeneralNameTags.Uri);
                }
            }
        }
    }

    private static NameConstraintSubtrees ReadSubtrees(AsnReader reader)
    {
        List<string> dns = [], ips = [], emails = [], uris = [];
        while (reader.HasData)
        {
            var subtree = reader.ReadSequence();
            var tag = subtree.PeekTag();
            if (tag.HasSameClassAndValue(GeneralNameTags.Dns))
            {
                dns.Add(subtree.ReadCharacterString(UniversalTagNumber.IA5String, GeneralNameTags.Dns));
            }
            else if (tag.HasSameClassAndValue(GeneralNameTags.Ip))
            {
                ips.Add(FormatCidr(subtree.ReadOctetString(GeneralNameTags.Ip)));
            }
            else if (tag.HasSameClassAndValue(GeneralNameTags.Rfc822))
            {
                emails.Add(subtree.ReadCharacterString(UniversalTagNumber.IA5String, GeneralNameTags.Rfc822));
            }
            else if (tag.HasSameClassAndValue(GeneralNameTags.Uri))
            {
                uris.Add(subtree.ReadCharacterString(UniversalTagNumber.IA5String, GeneralNameTags.Uri));
            }
        }

        return new NameConstraintSubtrees { DnsDomains = dns, IpRanges = ips, EmailAddresses = emails, UriDomains = uris };
    }

    private static string FormatCidr(byte[] bytes)
    {
        if (bytes.Length is not (8 or 32))
        {
            throw new AsnContentException("iPAddress name constraint must be 8 or 32 bytes");
        }

        var half = bytes.Length / 2;
        var prefix = bytes.AsSpan(half).ToArray().Sum(b => System.Numerics.BitOperations.PopCount(b));
        return $"{new IPAddress(bytes.AsSpan(0, half))}/{prefix}";
    }
}

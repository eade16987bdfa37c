using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace K8sCertOperator.Pki;

/// <summary>
/// Parses an RFC 4514 distinguished name string (the Certificate's literalSubject) and encodes it exactly in the given
/// order: the string lists the most specific RDN first, so the encoded RDNSequence is the reverse of the string, and
/// "+" joins attributes of one multi-valued RDN. Attribute names are the ones cert-manager knows (C, O, OU, CN,
/// SERIALNUMBER, L, ST, STREET, DC, UID; case-insensitive here) or a dotted OID. Hex values ("=#...") are refused,
/// as cert-manager refuses them.
/// </summary>
public static class LiteralSubjectParser
{
    private static readonly Dictionary<string, string> KnownTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["C"] = "2.5.4.6",
        ["O"] = "2.5.4.10",
        ["OU"] = "2.5.4.11",
        ["CN"] = "2.5.4.3",
        ["SERIALNUMBER"] = "2.5.4.5",
        ["L"] = "2.5.4.7",
        ["ST"] = "2.5.4.8",
        ["STREET"] = "2.5.4.9",
        ["DC"] = "0.9.2342.19200300.100.1.25",
        ["UID"] = "0.9.2342.19200300.100.1.1",
    };

    /// <summary>RDNs in string order (most specific first), each a list of (OID, value); or an error.</summary>
    public static (IReadOnlyList<IReadOnlyList<(string Oid, string Value)>>? Rdns, string? Error) Parse(string? literal)
    {
        if (string.IsNullOrWhiteSpace(literal))
        {
            return (null, "literalSubject is empty");
        }

        var rdns = new List<IReadOnlyList<(string, string)>>();
        var current = new List<(string, string)>();
        var pos = 0;
        while (true)
        {
            var (oid, typeError) = ReadType(literal, ref pos);
            if (oid is null)
            {
                return (null, typeError);
            }

            var (value, valueError) = ReadValue(literal, ref pos);
            if (value is null)
            {
                return (null, valueError);
            }

            current.Add((oid, value));
            if (pos >= literal.Length)
            {
                rdns.Add(current);
                return (rdns, null);
            }

            if (literal[pos] == ',' || literal[pos] == ';')
            {
                rdns.Add(current);
                current = [];
            }

            pos++;
        }
    }

    /// <summary>The DER Name for <paramref name="literal"/>; throws <see cref="InvalidCertificateTemplateException"/> when it does not parse.</summary>
    public static X500DistinguishedName Encode(string literal)
    {
        var (rdns, error) = Parse(literal);
        if (rdns is null)
        {
            throw new InvalidCertificateTemplateException([$"literalSubject: {error}"]);
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            for (var i = rdns.Count - 1; i >= 0; i--)
            {
                using (writer.PushSetOf())
                {
                    foreach (var (oid, value) in rdns[i])
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(oid);

                            // Go's encoding/asn1 (and so cert-manager) picks PrintableString when it can, else UTF8String.
                            writer.WriteCharacterString(IsPrintable(value) ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String, value);
                        }
                    }
                }
            }
        }

        return new X500DistinguishedName(writer.Encode());
    }

    private static (string? Oid, string? Error) ReadType(string s, ref int pos)
    {
        var eq = s.IndexOf('=', pos);
        if (eq < 0)
        {
            return (null, $"expected \"type=value\" at position {pos}");
        }

        var name = s[pos..eq].Trim();
        pos = eq + 1;
        if (KnownTypes.TryGetValue(name, out var oid))
        {
            return (oid, null);
        }

        if (X509FieldsValidator.IsOid(name))
        {
            return (name, null);
        }

        return (null, $"unknown attribute type \"{name}\" (use C, O, OU, CN, SERIALNUMBER, L, ST, STREET, DC, UID or a dotted OID)");
    }

    private static (string? Value, string? Error) ReadValue(string s, ref int pos)
    {
        while (pos < s.Length && s[pos] == ' ')
        {
            pos++;
        }

        if (pos < s.Length && s[pos] == '#')
        {
            return (null, "hex-encoded values (\"=#...\") are not supported");
        }

        var bytes = new List<byte>();
        var significant = 0; // length without unescaped trailing spaces
        while (pos < s.Length && s[pos] is not (',' or '+' or ';'))
        {
            if (s[pos] == '\\')
            {
                if (pos + 1 >= s.Length)
                {
                    return (null, "a value ends with a lone backslash");
                }

                if (pos + 2 < s.Length && Uri.IsHexDigit(s[pos + 1]) && Uri.IsHexDigit(s[pos + 2]))
                {
                    bytes.Add(Convert.ToByte(s.Substring(pos + 1, 2), 16));
                    pos += 3;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(s[pos + 1].ToString()));
                    pos += 2;
                }

                significant = bytes.Count;
                continue;
            }

            if (s[pos] == '=')
            {
                return (null, $"unescaped \"=\" in a value at position {pos}");
            }

            var width = char.IsHighSurrogate(s[pos]) && pos + 1 < s.Length ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(s.Substring(pos, width)));
            if (s[pos] != ' ')
            {
                significant = bytes.Count;
            }

            pos += width;
        }

        if (significant == 0)
        {
            return (null, $"empty value before position {pos}");
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray(), 0, significant), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "an escaped value is not valid UTF-8");
        }
    }

    private static bool IsPrintable(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || " '()+,-./:=?".Contains(c, StringComparison.Ordinal));
}

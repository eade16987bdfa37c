using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// The PBMAC1 integrity of a PKCS#12 file (RFC 9579), which neither the BCL nor BouncyCastle writes. The MacData names
/// id-PBMAC1 with PBKDF2-HMAC-SHA-256 as key derivation and HMAC-SHA-256 as MAC over the same authSafe content octets
/// the classic PKCS#12 MAC covers; the password enters PBKDF2 as UTF-8 (not the BMPString of the PKCS#12 KDF), and the
/// legacy macSalt/iterations fields carry the placeholders RFC 9579 readers ignore.
/// </summary>
public static class Pbmac1Seal
{
    public const string Pbmac1Oid = "1.2.840.113549.1.5.14";
    public const string Pbkdf2Oid = "1.2.840.113549.1.5.12";
    public const string HmacSha256Oid = "1.2.840.113549.2.9";

    // FIPS 140-3 (SP 800-132) asks for a salt of at least 128 bits; the MAC key is as long as the HMAC-SHA-256 output.
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;
    private const string DataOid = "1.2.840.113549.1.7.1";
    private static readonly byte[] UnusedMacSalt = "NOT USED"u8.ToArray();

    /// <summary>Adds a PBMAC1 MacData to a PFX that has none (as <c>Pkcs12Builder.SealWithoutIntegrity</c> writes it).</summary>
    public static byte[] Seal(ReadOnlySpan<byte> unsealedPfx, string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        var (authSafe, content) = ReadAuthSafe(unsealedPfx);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var mac = ComputeMac(content, password, salt, iterations, KeyBytes);

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(3);
            writer.WriteEncodedValue(authSafe);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    WriteAlgorithm(writer, salt, iterations);
                    writer.WriteOctetString(mac);
                }

                writer.WriteOctetString(UnusedMacSalt);
                writer.WriteInteger(1);
            }
        }

        return writer.Encode();
    }

    /// <summary>HMAC-SHA-256 of <paramref name="content"/> under the key PBKDF2-HMAC-SHA-256 derives from the UTF-8 password.</summary>
    public static byte[] ComputeMac(ReadOnlySpan<byte> content, string password, ReadOnlySpan<byte> salt, int iterations, int keyLength)
    {
        ArgumentNullException.ThrowIfNull(password);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, keyLength);
        try
        {
            return HMACSHA256.HashData(key, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    // AlgorithmIdentifier { id-PBMAC1, PBMAC1-params { keyDerivationFunc PBKDF2, messageAuthScheme hmacWithSHA256 } }
    private static void WriteAlgorithm(AsnWriter writer, byte[] salt, int iterations)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Pbmac1Oid);
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Pbkdf2Oid);
                    using (writer.PushSequence())
                    {
                        writer.WriteOctetString(salt);
                        writer.WriteInteger(iterations);
                        // RFC 9579 requires keyLength, which RFC 8018 leaves optional.
                        writer.WriteInteger(KeyBytes);
                        WriteHmacSha256(writer);
                    }
                }

                WriteHmacSha256(writer);
            }
        }
    }

    private static void WriteHmacSha256(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(HmacSha256Oid);
            writer.WriteNull();
        }
    }

    // PFX { version, authSafe ContentInfo { id-data, [0] OCTET STRING } }: the ContentInfo as written and the octets it wraps.
    private static (byte[] AuthSafe, byte[] Content) ReadAuthSafe(ReadOnlySpan<byte> pfx)
    {
        var outer = new AsnReader(pfx.ToArray(), AsnEncodingRules.BER);
        var sequence = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        sequence.ReadInteger();
        var authSafe = sequence.ReadEncodedValue().ToArray();
        if (sequence.HasData)
        {
            throw new CryptographicException("the PFX already has integrity data");
        }

        var contentInfo = new AsnReader(authSafe, AsnEncodingRules.BER).ReadSequence();
        if (contentInfo.ReadObjectIdentifier() != DataOid)
        {
            throw new CryptographicException("the PFX authSafe is not id-data (public-key integrity is not sealed with a password)");
        }

        var content = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();
        return (authSafe, content);
    }
}

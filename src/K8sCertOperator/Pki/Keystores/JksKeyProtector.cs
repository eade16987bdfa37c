using System.Formats.Asn1;
using System.Security.Cryptography;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// The JKS private-key protection (Sun's key protector, OID 1.3.6.1.4.1.42.2.17.1.1): a SHA-1 keystream seeded
/// by a random salt and the password, XORed over the PKCS#8 key, followed by SHA-1(password, PKCS#8) as a check.
/// The result is wrapped in an EncryptedPrivateKeyInfo.
/// </summary>
public static class JksKeyProtector
{
    public const string Oid = "1.3.6.1.4.1.42.2.17.1.1";
    private const int SaltLength = 20;
    private const int DigestLength = 20;

    /// <summary>EncryptedPrivateKeyInfo DER protecting <paramref name="pkcs8"/> with <paramref name="password"/>.</summary>
    public static byte[] Protect(ReadOnlySpan<byte> pkcs8, string password, ReadOnlySpan<byte> salt)
    {
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException("the salt must be 20 bytes", nameof(salt));
        }

        var passwordBytes = JksEncoding.PasswordBytes(password);
        var stream = KeyStream(passwordBytes, salt, pkcs8.Length);
        var body = new byte[SaltLength + pkcs8.Length + DigestLength];
        salt.CopyTo(body);
        for (var i = 0; i < pkcs8.Length; i++)
        {
            body[SaltLength + i] = (byte)(pkcs8[i] ^ stream[i]);
        }

        Check(passwordBytes, pkcs8).CopyTo(body, SaltLength + pkcs8.Length);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oid);
                writer.WriteNull();
            }

            writer.WriteOctetString(body);
        }

        return writer.Encode();
    }

    /// <summary>The PKCS#8 key inside a protected entry; throws <see cref="CryptographicException"/> on a wrong password.</summary>
    public static byte[] Recover(ReadOnlySpan<byte> encryptedPrivateKeyInfo, string password)
    {
        var outer = new AsnReader(encryptedPrivateKeyInfo.ToArray(), AsnEncodingRules.DER).ReadSequence();
        var algorithm = outer.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != Oid)
        {
            throw new CryptographicException("the key entry is not protected by the JKS key protector");
        }

        var body = outer.ReadOctetString();
        if (body.Length < SaltLength + DigestLength)
        {
            throw new CryptographicException("the protected key is truncated");
        }

        var passwordBytes = JksEncoding.PasswordBytes(password);
        var length = body.Length - SaltLength - DigestLength;
        var stream = KeyStream(passwordBytes, body.AsSpan(0, SaltLength), length);
        var plain = new byte[length];
        for (var i = 0; i < length; i++)
        {
            plain[i] = (byte)(body[SaltLength + i] ^ stream[i]);
        }

        if (!CryptographicOperations.FixedTimeEquals(Check(passwordBytes, plain), body.AsSpan(SaltLength + length)))
        {
            throw new CryptographicException("the keystore password does not open the key entry");
        }

        return plain;
    }

    private static byte[] KeyStream(byte[] passwordBytes, ReadOnlySpan<byte> salt, int length)
    {
        var stream = new byte[(length + DigestLength - 1) / DigestLength * DigestLength];
        var digest = salt.ToArray();
        var input = new byte[passwordBytes.Length + DigestLength];
        passwordBytes.CopyTo(input, 0);
        for (var offset = 0; offset < stream.Length; offset += DigestLength)
        {
            digest.CopyTo(input, passwordBytes.Length);
            digest = SHA1.HashData(input);
            digest.CopyTo(stream, offset);
        }

        return stream;
    }

    private static byte[] Check(byte[] passwordBytes, ReadOnlySpan<byte> pkcs8)
    {
        var input = new byte[passwordBytes.Length + pkcs8.Length];
        passwordBytes.CopyTo(input, 0);
        pkcs8.CopyTo(input.AsSpan(passwordBytes.Length));
        return SHA1.HashData(input);
    }
}

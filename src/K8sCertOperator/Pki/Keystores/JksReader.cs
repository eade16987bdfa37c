using System.Security.Cryptography;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>Reads a JKS keystore written by <see cref="JksWriter"/> or keytool; checks integrity when given the password.</summary>
public static class JksReader
{
    private const int MaxEntries = 1024;
    private const int DigestLength = 20;

    /// <summary>The entries; with a password the trailing SHA-1 must match or <see cref="CryptographicException"/> is thrown.</summary>
    public static IReadOnlyList<JksEntry> Read(ReadOnlySpan<byte> keystore, string? password)
    {
        if (keystore.Length < 12 + DigestLength)
        {
            throw new FormatException("the keystore is truncated");
        }

        var content = keystore[..^DigestLength];
        if (password is not null
            && !CryptographicOperations.FixedTimeEquals(JksWriter.Integrity(content, password), keystore[^DigestLength..]))
        {
            throw new CryptographicException("keystore was tampered with, or password was incorrect");
        }

        var input = content;
        if (unchecked((uint)JksEncoding.ReadInt32(ref input)) != JksEncoding.Magic)
        {
            throw new FormatException("not a JKS keystore (bad magic)");
        }

        var version = JksEncoding.ReadInt32(ref input);
        if (version is not (1 or 2))
        {
            throw new FormatException($"unsupported JKS version {version}");
        }

        var count = JksEncoding.ReadInt32(ref input);
        if (count is < 0 or > MaxEntries)
        {
            throw new FormatException($"implausible JKS entry count {count}");
        }

        var entries = new List<JksEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var tag = JksEncoding.ReadInt32(ref input);
            var alias = JksEncoding.ReadUtf(ref input);
            var created = DateTimeOffset.FromUnixTimeMilliseconds(JksEncoding.ReadInt64(ref input));
            switch (tag)
            {
                case JksEncoding.PrivateKeyTag:
                    var key = JksEncoding.Take(ref input, JksEncoding.ReadInt32(ref input)).ToArray();
                    var chainLength = JksEncoding.ReadInt32(ref input);
                    if (chainLength is < 0 or > MaxEntries)
                    {
                        throw new FormatException($"implausible chain length {chainLength}");
                    }

                    var chain = new List<byte[]>(chainLength);
                    for (var c = 0; c < chainLength; c++)
                    {
                        chain.Add(ReadCertificate(ref input, version));
                    }

                    entries.Add(new JksEntry(alias, created, chain, key));
                    break;
                case JksEncoding.TrustedCertificateTag:
                    entries.Add(new JksEntry(alias, created, [ReadCertificate(ref input, version)], null));
                    break;
                default:
                    throw new FormatException($"unknown JKS entry tag {tag}");
            }
        }

        if (!input.IsEmpty)
        {
            throw new FormatException("trailing bytes after the last JKS entry");
        }

        return entries;
    }

    private static byte[] ReadCertificate(ref ReadOnlySpan<byte> input, int version)
    {
        if (version == 2)
        {
            var type = JksEncoding.ReadUtf(ref input);
            if (type != JksEncoding.CertificateType)
            {
                throw new FormatException($"unsupported certificate type \"{type}\"");
            }
        }

        return JksEncoding.Take(ref input, JksEncoding.ReadInt32(ref input)).ToArray();
    }
}

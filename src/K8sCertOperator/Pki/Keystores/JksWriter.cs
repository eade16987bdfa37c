using System.Security.Cryptography;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// Writes a JKS keystore (version 2): magic, version, entry count, entries, then SHA-1 over the UTF-16BE
/// password, "Mighty Aphrodite" and everything before it. Aliases are stored lower-case as Java does.
/// </summary>
public static class JksWriter
{
    public static byte[] Write(IReadOnlyList<JksEntry> entries, string password)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(password);
        using var output = new MemoryStream();
        JksEncoding.WriteInt32(output, unchecked((int)JksEncoding.Magic));
        JksEncoding.WriteInt32(output, JksEncoding.Version);
        JksEncoding.WriteInt32(output, entries.Count);
        foreach (var entry in entries)
        {
            JksEncoding.WriteInt32(output, entry.IsPrivateKey ? JksEncoding.PrivateKeyTag : JksEncoding.TrustedCertificateTag);
            JksEncoding.WriteUtf(output, entry.Alias.ToLowerInvariant());
            JksEncoding.WriteInt64(output, entry.Created.ToUnixTimeMilliseconds());
            if (entry.ProtectedKey is { } key)
            {
                JksEncoding.WriteInt32(output, key.Length);
                output.Write(key);
                JksEncoding.WriteInt32(output, entry.CertificateChain.Count);
                foreach (var certificate in entry.CertificateChain)
                {
                    WriteCertificate(output, certificate);
                }
            }
            else
            {
                if (entry.CertificateChain.Count != 1)
                {
                    throw new ArgumentException("a trusted certificate entry holds exactly one certificate", nameof(entries));
                }

                WriteCertificate(output, entry.CertificateChain[0]);
            }
        }

        output.Write(Integrity(output.GetBuffer().AsSpan(0, (int)output.Length), password));
        return output.ToArray();
    }

    /// <summary>The trailing SHA-1 that proves a keystore was written with <paramref name="password"/>.</summary>
    public static byte[] Integrity(ReadOnlySpan<byte> content, string password)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(JksEncoding.PasswordBytes(password));
        sha1.AppendData(JksEncoding.IntegritySalt);
        sha1.AppendData(content);
        return sha1.GetHashAndReset();
    }

    private static void WriteCertificate(Stream output, byte[] der)
    {
        JksEncoding.WriteUtf(output, JksEncoding.CertificateType);
        JksEncoding.WriteInt32(output, der.Length);
        output.Write(der);
    }
}

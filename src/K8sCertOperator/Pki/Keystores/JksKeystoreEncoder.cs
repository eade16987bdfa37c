using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// keystore.jks (the key and chain under the alias, then the CA certificates as trusted entries) and
/// truststore.jks (the CA certificates only). Trusted entries are named "ca", "ca-1", ... in tls.crt/ca.crt order.
/// Entry dates are the leaf's notBefore so equal inputs give equal entries (only the key salt is random).
/// </summary>
public static class JksKeystoreEncoder
{
    public const string CaAlias = "ca";

    public static byte[] EncodeKeystore(CertificateKey key, IReadOnlyList<X509Certificate2> chain, IReadOnlyList<X509Certificate2> caCertificates, string alias, string password)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(caCertificates);
        if (chain.Count == 0)
        {
            throw new ArgumentException("the chain holds no certificate", nameof(chain));
        }

        var created = new DateTimeOffset(chain[0].NotBefore.ToUniversalTime());
        var pkcs8 = key.Rsa is { } rsa ? rsa.ExportPkcs8PrivateKey() : key.Ecdsa!.ExportPkcs8PrivateKey();
        byte[] protectedKey;
        try
        {
            protectedKey = JksKeyProtector.Protect(pkcs8, password, RandomNumberGenerator.GetBytes(20));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        var entries = new List<JksEntry> { new(alias, created, chain.Select(c => c.RawData).ToList(), protectedKey) };
        entries.AddRange(TrustedEntries(caCertificates, created));
        return JksWriter.Write(entries, password);
    }

    public static byte[] EncodeTruststore(IReadOnlyList<X509Certificate2> caCertificates, string password)
    {
        ArgumentNullException.ThrowIfNull(caCertificates);
        var created = caCertificates.Count > 0 ? new DateTimeOffset(caCertificates[0].NotBefore.ToUniversalTime()) : DateTimeOffset.UnixEpoch;
        return JksWriter.Write(TrustedEntries(caCertificates, created).ToList(), password);
    }

    private static IEnumerable<JksEntry> TrustedEntries(IReadOnlyList<X509Certificate2> caCertificates, DateTimeOffset created) =>
        caCertificates.Select((ca, i) => new JksEntry(i == 0 ? CaAlias : $"{CaAlias}-{i}", created, [ca.RawData], null));
}

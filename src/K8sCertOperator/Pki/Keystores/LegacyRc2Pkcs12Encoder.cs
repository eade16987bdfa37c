using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// The LegacyRC2 PKCS#12 profile (cert-manager's default): certificate bags under pbeWithSHAAnd40BitRC2-CBC, the
/// key bag under pbeWithSHAAnd3-KeyTripleDES-CBC, SHA-1 MAC. The BCL cannot write RC2 bags, so this one profile
/// uses BouncyCastle, whose PKCS#12 store writes exactly these algorithms by default.
/// </summary>
public static class LegacyRc2Pkcs12Encoder
{
    private const string KeyAlias = "certificate";

    public static byte[] EncodeKeystore(CertificateKey key, IReadOnlyList<X509Certificate2> chain, string password)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(password);
        var pkcs8 = key.Rsa is { } rsa ? rsa.ExportPkcs8PrivateKey() : key.Ecdsa!.ExportPkcs8PrivateKey();
        var store = new Pkcs12StoreBuilder().Build();
        try
        {
            var entries = chain.Select(c => new X509CertificateEntry(new X509CertificateParser().ReadCertificate(c.RawData))).ToArray();
            store.SetKeyEntry(KeyAlias, new AsymmetricKeyEntry(PrivateKeyFactory.CreateKey(pkcs8)), entries);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(pkcs8);
        }

        return Save(store, password);
    }

    public static byte[] EncodeTruststore(IReadOnlyList<X509Certificate2> caCertificates, string password)
    {
        ArgumentNullException.ThrowIfNull(caCertificates);
        ArgumentNullException.ThrowIfNull(password);
        var store = new Pkcs12StoreBuilder().Build();
        for (var i = 0; i < caCertificates.Count; i++)
        {
            store.SetCertificateEntry(i == 0 ? "ca" : $"ca-{i}", new X509CertificateEntry(new X509CertificateParser().ReadCertificate(caCertificates[i].RawData)));
        }

        return Save(store, password);
    }

    private static byte[] Save(Pkcs12Store store, string password)
    {
        using var output = new MemoryStream();
        store.Save(output, password.ToCharArray(), new SecureRandom());
        return output.ToArray();
    }
}

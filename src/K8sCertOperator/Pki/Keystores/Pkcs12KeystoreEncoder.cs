using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Api;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// keystore.p12 and truststore.p12 through the BCL's <see cref="Pkcs12Builder"/> (LegacyRC2 through <see cref="LegacyRc2Pkcs12Encoder"/>). Each profile picks the bag
/// encryption and MAC (see <see cref="Pkcs12Profiles"/>); Modern2026 seals the BCL's output with a PBMAC1 MAC of its own
/// (<see cref="Pbmac1Seal"/>). Iteration counts follow cert-manager's encoder (2048).
/// </summary>
public static class Pkcs12KeystoreEncoder
{
    private const int Iterations = 2048;

    // Oracle's "trusted key usage" bag attribute: Java only treats certificate-only bags as trust anchors with it.
    private const string JavaTrustedKeyUsageOid = "2.16.840.1.113894.746875.1.1";
    private const string AnyExtendedKeyUsageOid = "2.5.29.37.0";

    /// <summary>The key with the chain (leaf first), encrypted and MACed per <paramref name="profile"/>.</summary>
    public static byte[] EncodeKeystore(CertificateKey key, IReadOnlyList<X509Certificate2> chain, string password, string profile)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(password);
        if (chain.Count == 0)
        {
            throw new ArgumentException("the chain holds no certificate", nameof(chain));
        }

        if (profile == Pkcs12Profiles.LegacyRC2)
        {
            return LegacyRc2Pkcs12Encoder.EncodeKeystore(key, chain, password);
        }

        var (pbe, mac) = Algorithms(profile);
        var localKeyId = new Pkcs9LocalKeyId(chain[0].GetCertHash(HashAlgorithmName.SHA1));
        var keys = new Pkcs12SafeContents();
        var keyBag = keys.AddShroudedKey((AsymmetricAlgorithm?)key.Rsa ?? key.Ecdsa!, password, pbe);
        keyBag.Attributes.Add(localKeyId);
        var certificates = new Pkcs12SafeContents();
        for (var i = 0; i < chain.Count; i++)
        {
            var bag = certificates.AddCertificate(chain[i]);
            if (i == 0)
            {
                bag.Attributes.Add(localKeyId);
            }
        }

        var builder = new Pkcs12Builder();
        builder.AddSafeContentsEncrypted(certificates, password, pbe);
        builder.AddSafeContentsUnencrypted(keys);
        return Seal(builder, password, mac, profile);
    }

    /// <summary>The CA certificates only, each marked as a Java trust anchor.</summary>
    public static byte[] EncodeTruststore(IReadOnlyList<X509Certificate2> caCertificates, string password, string profile)
    {
        ArgumentNullException.ThrowIfNull(caCertificates);
        ArgumentNullException.ThrowIfNull(password);
        if (profile == Pkcs12Profiles.LegacyRC2)
        {
            return LegacyRc2Pkcs12Encoder.EncodeTruststore(caCertificates, password);
        }

        var (pbe, mac) = Algorithms(profile);
        var certificates = new Pkcs12SafeContents();
        foreach (var ca in caCertificates)
        {
            var bag = certificates.AddCertificate(ca);
            bag.Attributes.Add(JavaTrustedKeyUsage());
        }

        var builder = new Pkcs12Builder();
        builder.AddSafeContentsEncrypted(certificates, password, pbe);
        return Seal(builder, password, mac, profile);
    }

    /// <summary>Bag encryption and MAC hash of a BCL-written profile; throws for one the BCL cannot write.</summary>
    public static (PbeParameters Encryption, HashAlgorithmName Mac) Algorithms(string profile) => profile switch
    {
        Pkcs12Profiles.LegacyDES => (new PbeParameters(PbeEncryptionAlgorithm.TripleDes3KeyPkcs12, HashAlgorithmName.SHA1, Iterations), HashAlgorithmName.SHA1),
        // Modern2026 encrypts as Modern2023; its MAC is PBMAC1 with PBKDF2-HMAC-SHA-256 and HMAC-SHA-256 (see Seal).
        Pkcs12Profiles.Modern2023 or Pkcs12Profiles.Modern2026 =>
            (new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Iterations), HashAlgorithmName.SHA256),
        Pkcs12Profiles.LegacyRC2 => throw new UnsupportedKeystoreProfileException($"PKCS#12 profile {profile} is written by {nameof(LegacyRc2Pkcs12Encoder)}"),
        _ => throw new UnsupportedKeystoreProfileException($"unknown PKCS#12 profile \"{profile}\"; use LegacyRC2, LegacyDES, Modern2023 or Modern2026"),
    };

    private static byte[] Seal(Pkcs12Builder builder, string password, HashAlgorithmName mac, string profile)
    {
        if (profile == Pkcs12Profiles.Modern2026)
        {
            builder.SealWithoutIntegrity();
            return Pbmac1Seal.Seal(builder.Encode(), password, Iterations);
        }

        builder.SealWithMac(password, mac, Iterations);
        return builder.Encode();
    }

    private static System.Security.Cryptography.CryptographicAttributeObject JavaTrustedKeyUsage()
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(AnyExtendedKeyUsageOid);
        return new CryptographicAttributeObject(new Oid(JavaTrustedKeyUsageOid),
            new AsnEncodedDataCollection(new AsnEncodedData(JavaTrustedKeyUsageOid, writer.Encode())));
    }
}

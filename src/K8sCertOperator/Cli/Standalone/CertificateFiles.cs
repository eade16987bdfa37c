using K8sCertOperator.Acme;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>The files certify keeps in its output folder, and writing a new certificate into them as one set.</summary>
public static class CertificateFiles
{
    /// <summary>Leaf and chain.</summary>
    public const string Certificate = "tls.crt";

    public const string Key = "tls.key";

    /// <summary>The top certificate of the chain.</summary>
    public const string Ca = "ca.crt";

    /// <summary>The files of <paramref name="chain"/> and its <paramref name="key"/>, the key private to the owner.</summary>
    public static IReadOnlyList<OutputFile> For(AcmeCertificateChain chain, CertificateKey key)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(key);
        return
        [
            new OutputFile(Certificate, chain.Pem, Private: false),
            new OutputFile(Key, key.ExportPem(PrivateKeyEncoding.Pkcs8), Private: true),
            new OutputFile(Ca, PemCodec.EncodeCertificate(chain.Certificates[^1]), Private: false),
        ];
    }
}

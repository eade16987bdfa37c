using K8sCertOperator.Pki;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>Maps the CLI's short key names (lego's spelling) to key specs.</summary>
public static class KeyTypes
{
    public static readonly IReadOnlyList<string> Names = ["ec256", "ec384", "rsa2048", "rsa3072", "rsa4096"];

    public static PrivateKeySpec? Parse(string name) => name.ToLowerInvariant() switch
    {
        "ec256" or "p256" => new PrivateKeySpec(KeyAlgorithm.Ecdsa, 256, PrivateKeyEncoding.Pkcs8),
        "ec384" or "p384" => new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384, PrivateKeyEncoding.Pkcs8),
        "rsa2048" => new PrivateKeySpec(KeyAlgorithm.Rsa, 2048, PrivateKeyEncoding.Pkcs8),
        "rsa3072" => new PrivateKeySpec(KeyAlgorithm.Rsa, 3072, PrivateKeyEncoding.Pkcs8),
        "rsa4096" => new PrivateKeySpec(KeyAlgorithm.Rsa, 4096, PrivateKeyEncoding.Pkcs8),
        _ => null,
    };
}

namespace K8sCertOperator.Api;

/// <summary>Values of <c>spec.privateKey.algorithm</c> and their permitted sizes.</summary>
public static class PrivateKeyAlgorithms
{
    public const string Rsa = "RSA";
    public const string Ecdsa = "ECDSA";
    public const string Ed25519 = "Ed25519";

    public static IReadOnlyList<string> All { get; } = [Rsa, Ecdsa, Ed25519];

    public static IReadOnlyList<int> RsaSizes { get; } = [2048, 3072, 4096];
    public static IReadOnlyList<int> EcdsaSizes { get; } = [256, 384, 521];

    public const int DefaultRsaSize = 2048;
    public const int DefaultEcdsaSize = 256;
}

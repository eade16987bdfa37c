using System.Security.Cryptography;

namespace K8sCertOperator.Pki;

/// <summary>cert-manager's signatureAlgorithm names and the key type and hash each one means.</summary>
public static class SignatureAlgorithms
{
    public const string Sha256WithRsa = "SHA256WithRSA";
    public const string Sha384WithRsa = "SHA384WithRSA";
    public const string Sha512WithRsa = "SHA512WithRSA";
    public const string EcdsaWithSha256 = "ECDSAWithSHA256";
    public const string EcdsaWithSha384 = "ECDSAWithSHA384";
    public const string EcdsaWithSha512 = "ECDSAWithSHA512";
    public const string PureEd25519 = "PureEd25519";

    public static IReadOnlyList<string> All { get; } =
        [Sha256WithRsa, Sha384WithRsa, Sha512WithRsa, EcdsaWithSha256, EcdsaWithSha384, EcdsaWithSha512, PureEd25519];

    /// <summary>The key algorithm a signature algorithm needs, or null for an unknown name.</summary>
    public static KeyAlgorithm? KeyAlgorithmFor(string name) => name switch
    {
        Sha256WithRsa or Sha384WithRsa or Sha512WithRsa => KeyAlgorithm.Rsa,
        EcdsaWithSha256 or EcdsaWithSha384 or EcdsaWithSha512 => KeyAlgorithm.Ecdsa,
        PureEd25519 => KeyAlgorithm.Ed25519,
        _ => null,
    };

    /// <summary>
    /// The hash to sign with when <paramref name="name"/> is used with a <paramref name="key"/> signing key: null
    /// hash and null error when no algorithm is asked for (the key's default applies); an error when the name is
    /// unknown or needs another key type.
    /// </summary>
    public static (HashAlgorithmName? Hash, string? Error) Resolve(string? name, KeyAlgorithm key)
    {
        if (string.IsNullOrEmpty(name))
        {
            return (null, null);
        }

        if (KeyAlgorithmFor(name) is not { } wanted)
        {
            return (null, $"signatureAlgorithm \"{name}\" is not one of {string.Join(", ", All)}");
        }

        if (wanted != key)
        {
            return (null, $"signatureAlgorithm {name} needs {Describe(wanted)} key, the signing key is {Describe(key)} key");
        }

        return name switch
        {
            Sha384WithRsa or EcdsaWithSha384 => (HashAlgorithmName.SHA384, null),
            Sha512WithRsa or EcdsaWithSha512 => (HashAlgorithmName.SHA512, null),
            PureEd25519 => (null, "PureEd25519 signatures are not supported by this operator's crypto library"),
            _ => (HashAlgorithmName.SHA256, null),
        };
    }

    private static string Describe(KeyAlgorithm key) => key switch
    {
        KeyAlgorithm.Rsa => "an RSA",
        KeyAlgorithm.Ecdsa => "an ECDSA",
        _ => "an Ed25519",
    };

    /// <summary>Like <see cref="Resolve"/> but throws <see cref="InvalidCertificateTemplateException"/>; returns the key's default hash when none is asked for.</summary>
    internal static HashAlgorithmName HashOrThrow(string? name, CertificateKey signer)
    {
        var (hash, error) = Resolve(name, signer.Algorithm);
        if (error is not null)
        {
            throw new InvalidCertificateTemplateException([error]);
        }

        return hash ?? signer.SignatureHash;
    }
}

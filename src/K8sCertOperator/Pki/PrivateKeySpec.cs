namespace K8sCertOperator.Pki;

/// <summary>What private key a Certificate wants: algorithm, size (null = algorithm default) and PEM encoding.</summary>
public sealed record PrivateKeySpec(
    KeyAlgorithm Algorithm = KeyAlgorithm.Rsa,
    int? Size = null,
    PrivateKeyEncoding Encoding = PrivateKeyEncoding.Pkcs1)
{
    public const int DefaultRsaSize = 2048;
    public const int DefaultEcdsaSize = 256;

    /// <summary>The cert-manager default: RSA 2048, PKCS#1.</summary>
    public static PrivateKeySpec Default { get; } = new();

    /// <summary>Size with the algorithm default applied (null or 0 = default, as in cert-manager); Ed25519 reports 256.</summary>
    public int EffectiveSize => Size is { } s and not 0 && Algorithm != KeyAlgorithm.Ed25519 ? s : Algorithm switch
    {
        KeyAlgorithm.Rsa => DefaultRsaSize,
        KeyAlgorithm.Ecdsa => DefaultEcdsaSize,
        _ => 256,
    };

    /// <summary>
    /// Builds a spec from the raw strings of spec.privateKey (case-insensitive, as cert-manager's enum values
    /// "RSA"/"ECDSA"/"Ed25519" and "PKCS1"/"PKCS8"). Returns an error message instead of throwing.
    /// </summary>
    public static (PrivateKeySpec? Spec, string? Error) FromApi(string? algorithm, int? size, string? encoding)
    {
        KeyAlgorithm alg;
        switch (algorithm?.Trim().ToUpperInvariant())
        {
            case null or "" or "RSA": alg = KeyAlgorithm.Rsa; break;
            case "ECDSA": alg = KeyAlgorithm.Ecdsa; break;
            case "ED25519": alg = KeyAlgorithm.Ed25519; break;
            default: return (null, $"unknown private key algorithm \"{algorithm}\" (expected RSA, ECDSA or Ed25519)");
        }

        PrivateKeyEncoding enc;
        switch (encoding?.Trim().ToUpperInvariant())
        {
            case null or "" or "PKCS1": enc = PrivateKeyEncoding.Pkcs1; break;
            case "PKCS8": enc = PrivateKeyEncoding.Pkcs8; break;
            default: return (null, $"unknown private key encoding \"{encoding}\" (expected PKCS1 or PKCS8)");
        }

        // cert-manager treats size 0 as "not set".
        var spec = new PrivateKeySpec(alg, size is 0 ? null : size, enc);
        var error = PrivateKeySpecValidator.Validate(spec);
        return error is null ? (spec, null) : (null, error);
    }
}

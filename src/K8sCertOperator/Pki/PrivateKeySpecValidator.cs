namespace K8sCertOperator.Pki;

/// <summary>Pure validation of a <see cref="PrivateKeySpec"/>; the message is meant for a Ready=False condition.</summary>
public static class PrivateKeySpecValidator
{
    public const string UnsupportedEd25519Message =
        "Ed25519 private keys are not supported: the .NET base class library has no Ed25519 implementation";

    /// <summary>Returns null when the spec is acceptable, otherwise a human-readable reason.</summary>
    public static string? Validate(PrivateKeySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Enum.IsDefined(spec.Algorithm))
        {
            return $"unknown private key algorithm {(int)spec.Algorithm}";
        }

        if (!Enum.IsDefined(spec.Encoding))
        {
            return $"unknown private key encoding {(int)spec.Encoding}";
        }

        return spec.Algorithm switch
        {
            KeyAlgorithm.Rsa when spec.Size is { } s && s is not (0 or 2048 or 3072 or 4096)
                => $"invalid RSA key size {s}: must be 2048, 3072 or 4096",
            KeyAlgorithm.Ecdsa when spec.Size is { } s && s is not (0 or 256 or 384 or 521)
                => $"invalid ECDSA key size {s}: must be 256, 384 or 521",
            // Reported here, not only at generation time, so the Certificate gets a clear Ready=False reason
            // before any work starts. Size is ignored for Ed25519, as in cert-manager.
            KeyAlgorithm.Ed25519 => UnsupportedEd25519Message,
            _ => null,
        };
    }
}

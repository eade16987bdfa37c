using System.Security.Cryptography;

namespace K8sCertOperator.Pki;

/// <summary>Generates a fresh private key for a <see cref="PrivateKeySpec"/>.</summary>
public static class PrivateKeyGenerator
{
    /// <summary>
    /// Generates a key. Throws <see cref="ArgumentException"/> for an invalid spec (validate first with
    /// <see cref="PrivateKeySpecValidator"/>) and <see cref="UnsupportedKeyAlgorithmException"/> for Ed25519.
    /// </summary>
    public static CertificateKey Generate(PrivateKeySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Algorithm == KeyAlgorithm.Ed25519)
        {
            throw new UnsupportedKeyAlgorithmException(KeyAlgorithm.Ed25519);
        }

        if (PrivateKeySpecValidator.Validate(spec) is { } error)
        {
            throw new ArgumentException(error, nameof(spec));
        }

        return spec.Algorithm switch
        {
            KeyAlgorithm.Rsa => CertificateKey.FromRsa(RSA.Create(spec.EffectiveSize)),
            KeyAlgorithm.Ecdsa => CertificateKey.FromEcdsa(ECDsa.Create(CurveFor(spec.EffectiveSize))),
            _ => throw new UnsupportedKeyAlgorithmException(spec.Algorithm),
        };
    }

    internal static ECCurve CurveFor(int size) => size switch
    {
        256 => ECCurve.NamedCurves.nistP256,
        384 => ECCurve.NamedCurves.nistP384,
        521 => ECCurve.NamedCurves.nistP521,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "unsupported ECDSA curve size"),
    };
}

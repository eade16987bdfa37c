using System.Security.Cryptography;

namespace K8sCertOperator.Acme.Jws;

/// <summary>Creates and loads JWS signers; ES256 on P-256 is the default account key.</summary>
public static class JwsSigners
{
    public static IJwsSigner CreateEs256() => new EcdsaJwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static IJwsSigner CreateEs384() => new EcdsaJwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP384));

    public static IJwsSigner CreateRs256(int keySize = 2048) => new RsaJwsSigner(RSA.Create(keySize));

    /// <summary>Creates a signer for the JOSE algorithm name (ES256, ES384, ES512, RS256).</summary>
    public static IJwsSigner Create(string algorithm) => algorithm switch
    {
        "ES256" => CreateEs256(),
        "ES384" => CreateEs384(),
        "ES512" => new EcdsaJwsSigner(ECDsa.Create(ECCurve.NamedCurves.nistP521)),
        "RS256" => CreateRs256(),
        _ => throw new NotSupportedException($"JWS algorithm '{algorithm}' is not supported"),
    };

    /// <summary>Loads a PEM private key (PKCS#8, SEC1 "EC PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY").</summary>
    public static IJwsSigner FromPrivateKeyPem(string pem)
    {
        if (pem.Contains("RSA PRIVATE KEY", StringComparison.Ordinal))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaJwsSigner(rsa);
        }
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            return new EcdsaJwsSigner(ecdsa);
        }
        catch (CryptographicException)
        {
            // A PKCS#8 blob does not say its algorithm in the PEM label, so try RSA next.
            ecdsa.Dispose();
        }
        var fallback = RSA.Create();
        try
        {
            fallback.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            fallback.Dispose();
            // Deliberately no PEM text in the message: it is key material.
            throw new CryptographicException("the PEM text holds no ECDSA or RSA private key");
        }
        return new RsaJwsSigner(fallback);
    }

    /// <summary>Wraps a certificate's private key, e.g. for revocation signed by the certificate key.</summary>
    public static IJwsSigner FromKey(AsymmetricAlgorithm key) => key switch
    {
        ECDsa ecdsa => new EcdsaJwsSigner(ecdsa),
        RSA rsa => new RsaJwsSigner(rsa),
        _ => throw new NotSupportedException($"key type {key.GetType().Name} cannot sign JWS"),
    };
}

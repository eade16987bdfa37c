using System.Buffers.Text;
using System.Security.Cryptography;

namespace K8sCertOperator.Acme.Jws;

/// <summary>ES256/ES384/ES512 signer over an ECDSA key on P-256/P-384/P-521.</summary>
public sealed class EcdsaJwsSigner : IJwsSigner
{
    private readonly ECDsa _key;
    private readonly HashAlgorithmName _hash;

    /// <summary>Takes ownership of <paramref name="key"/>.</summary>
    public EcdsaJwsSigner(ECDsa key)
    {
        _key = key;
        var parameters = key.ExportParameters(includePrivateParameters: false);
        (Algorithm, _hash, var curve) = key.KeySize switch
        {
            256 => ("ES256", HashAlgorithmName.SHA256, "P-256"),
            384 => ("ES384", HashAlgorithmName.SHA384, "P-384"),
            521 => ("ES512", HashAlgorithmName.SHA512, "P-521"),
            _ => throw new NotSupportedException($"ECDSA key size {key.KeySize} has no JOSE algorithm"),
        };
        Jwk = new Jwk
        {
            Kty = "EC",
            Crv = curve,
            X = Base64Url.EncodeToString(parameters.Q.X),
            Y = Base64Url.EncodeToString(parameters.Q.Y),
        };
    }

    public string Algorithm { get; }

    public Jwk Jwk { get; }

    public byte[] Sign(ReadOnlySpan<byte> signingInput) =>
        _key.SignData(signingInput, _hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => _key.Dispose();
}

namespace K8sCertOperator.Pki;

/// <summary>Raised when a key algorithm is valid in the API but cannot be produced by this build (Ed25519).</summary>
public sealed class UnsupportedKeyAlgorithmException : PkiException
{
    public UnsupportedKeyAlgorithmException(KeyAlgorithm algorithm)
        : base(algorithm == KeyAlgorithm.Ed25519
            ? PrivateKeySpecValidator.UnsupportedEd25519Message
            : $"private key algorithm {algorithm} is not supported")
    {
        Algorithm = algorithm;
    }

    public KeyAlgorithm Algorithm { get; }
}

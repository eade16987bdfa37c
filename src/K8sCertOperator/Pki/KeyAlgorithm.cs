namespace K8sCertOperator.Pki;

/// <summary>Private key algorithm, as in cert-manager's spec.privateKey.algorithm.</summary>
public enum KeyAlgorithm
{
    Rsa,
    Ecdsa,
    Ed25519,
}

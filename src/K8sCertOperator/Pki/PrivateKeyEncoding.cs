namespace K8sCertOperator.Pki;

/// <summary>PEM encoding of a private key, as in cert-manager's spec.privateKey.encoding.</summary>
public enum PrivateKeyEncoding
{
    /// <summary>"RSA PRIVATE KEY" for RSA, SEC1 "EC PRIVATE KEY" for ECDSA.</summary>
    Pkcs1,

    /// <summary>Unencrypted PKCS#8 "PRIVATE KEY".</summary>
    Pkcs8,
}

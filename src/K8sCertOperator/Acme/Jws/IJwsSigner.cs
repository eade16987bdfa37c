namespace K8sCertOperator.Acme.Jws;

/// <summary>An ACME account (or certificate) key able to sign JWS messages.</summary>
public interface IJwsSigner : IDisposable
{
    /// <summary>The JWS "alg" value: ES256, ES384, ES512 or RS256.</summary>
    string Algorithm { get; }

    /// <summary>The public key as a JWK.</summary>
    Jwk Jwk { get; }

    /// <summary>Signs the JWS signing input; ECDSA signatures are IEEE P1363 (r||s) as JOSE requires.</summary>
    byte[] Sign(ReadOnlySpan<byte> signingInput);

    /// <summary>The private key as PKCS#8 PEM, for persisting the account key (never log it).</summary>
    string ExportPrivateKeyPem();
}

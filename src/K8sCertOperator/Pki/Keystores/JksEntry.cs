namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// One JKS entry: a private key with its chain (leaf first) or a trusted certificate (one-element chain, no key).
/// <see cref="ProtectedKey"/> is the EncryptedPrivateKeyInfo as stored; it never holds the clear key.
/// </summary>
public sealed record JksEntry(string Alias, DateTimeOffset Created, IReadOnlyList<byte[]> CertificateChain, byte[]? ProtectedKey)
{
    public bool IsPrivateKey => ProtectedKey is not null;
}

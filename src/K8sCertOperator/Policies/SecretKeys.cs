namespace K8sCertOperator.Policies;

/// <summary>Data keys of a kubernetes.io/tls Secret.</summary>
public static class SecretKeys
{
    public const string TlsCertificate = "tls.crt";
    public const string TlsPrivateKey = "tls.key";
    public const string CaCertificate = "ca.crt";
}

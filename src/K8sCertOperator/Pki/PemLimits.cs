namespace K8sCertOperator.Pki;

/// <summary>Hard size caps for PEM input; anything larger is rejected before or while parsing.</summary>
public static class PemLimits
{
    public const int MaxChainTextLength = 1024 * 1024;
    public const int MaxKeyTextLength = 64 * 1024;
    public const int MaxCsrTextLength = 64 * 1024;
    public const int MaxCertificates = 10;
    public const int MaxCertificateDerLength = 64 * 1024;
    public const int MaxKeyDerLength = 16 * 1024;
    public const int MaxCsrDerLength = 32 * 1024;

    // A key file may carry an "EC PARAMETERS" block (openssl ecparam -genkey) next to the key.
    internal const int MaxKeyBlocks = 4;
}

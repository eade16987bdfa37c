namespace K8sCertOperator.Pki;

/// <summary>Raised when a CA certificate/key pair cannot be used to sign (not a CA, no keyCertSign, expired, key mismatch).</summary>
public sealed class CaCertificateException : PkiException
{
    public CaCertificateException(string message) : base(message) { }
}

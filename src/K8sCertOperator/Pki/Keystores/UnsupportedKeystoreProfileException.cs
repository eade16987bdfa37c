namespace K8sCertOperator.Pki.Keystores;

/// <summary>A PKCS#12 profile this build cannot write; the message names it and says what to use instead.</summary>
public sealed class UnsupportedKeystoreProfileException : PkiException
{
    public UnsupportedKeystoreProfileException(string message) : base(message) { }
}

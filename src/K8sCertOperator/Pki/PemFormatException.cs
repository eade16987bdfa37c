namespace K8sCertOperator.Pki;

/// <summary>Raised when PEM/DER input (key, certificate chain, CSR) is malformed, too large or unsupported.</summary>
public sealed class PemFormatException : PkiException
{
    public PemFormatException(string message) : base(message) { }

    // The inner exception is kept only for its type; crypto exceptions from the BCL do not echo key bytes.
    public PemFormatException(string message, Exception? inner) : base(message, inner) { }
}

namespace K8sCertOperator.Pki;

/// <summary>Base type of every error the PKI layer raises on purpose; messages never contain key material.</summary>
public abstract class PkiException : Exception
{
    protected PkiException(string message) : base(message) { }

    protected PkiException(string message, Exception? inner) : base(message, inner) { }
}

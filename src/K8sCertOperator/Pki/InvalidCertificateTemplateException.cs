namespace K8sCertOperator.Pki;

/// <summary>Raised when a certificate template (names, subject, usages, duration) cannot be encoded.</summary>
public sealed class InvalidCertificateTemplateException : PkiException
{
    public InvalidCertificateTemplateException(IReadOnlyList<string> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}

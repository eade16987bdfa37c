namespace K8sCertOperator.Cli.Standalone;

/// <summary>`revoke --server URL --cert FILE [--key FILE | --account-key FILE] [--reason R]`.</summary>
public sealed record RevokeOptions
{
    public required Uri Server { get; init; }

    public required string CertificateFile { get; init; }

    /// <summary>The certificate's own key: the request is then signed with it (jwk) instead of the account.</summary>
    public string? CertificateKeyFile { get; init; }

    public string? AccountKeyFile { get; init; }

    public string? Reason { get; init; }

    public string? CaBundleFile { get; init; }

    public bool InsecureSkipVerify { get; init; }
}

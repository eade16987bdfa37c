namespace K8sCertOperator.Acme.Http;

/// <summary>How to verify the ACME server's TLS certificate.</summary>
public sealed record AcmeTlsOptions
{
    /// <summary>Extra CA certificates (PEM) trusted for the ACME server in addition to the system roots.</summary>
    public string? TrustedCaBundlePem { get; init; }

    /// <summary>Disables server certificate verification. Explicit opt-in, for test servers only.</summary>
    public bool InsecureSkipVerify { get; init; }

    public static AcmeTlsOptions FromCaBundleFile(string path) => new() { TrustedCaBundlePem = File.ReadAllText(path) };

    /// <summary>From PEM bytes, e.g. the ca.crt of a Kubernetes Secret.</summary>
    public static AcmeTlsOptions FromCaBundlePem(ReadOnlySpan<byte> pem) => new() { TrustedCaBundlePem = System.Text.Encoding.UTF8.GetString(pem) };
}

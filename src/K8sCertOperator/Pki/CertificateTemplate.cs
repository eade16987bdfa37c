namespace K8sCertOperator.Pki;

/// <summary>What a certificate (or CSR) should say: names, subject, usages and CA flag, mirroring a Certificate spec.</summary>
public sealed record CertificateTemplate
{
    public string? CommonName { get; init; }
    public CertificateSubject? Subject { get; init; }
    public IReadOnlyList<string> DnsNames { get; init; } = [];
    public IReadOnlyList<string> IpAddresses { get; init; } = [];
    public IReadOnlyList<string> Uris { get; init; } = [];
    public IReadOnlyList<string> EmailAddresses { get; init; } = [];

    /// <summary>cert-manager usage names ("digital signature", "server auth", ...); empty means the default pair.</summary>
    public IReadOnlyList<string> Usages { get; init; } = [];

    public bool IsCA { get; init; }
}

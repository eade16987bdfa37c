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

    /// <summary>RFC 4514 subject used verbatim instead of <see cref="CommonName"/> and <see cref="Subject"/>.</summary>
    public string? LiteralSubject { get; init; }

    /// <summary>
    /// A subject taken verbatim from a CSR (attribute order and string types kept); wins over <see cref="LiteralSubject"/>,
    /// <see cref="CommonName"/> and <see cref="Subject"/> when encoding, which then only describe it.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X500DistinguishedName? RawSubject { get; init; }

    /// <summary>otherName SANs with UTF8String values.</summary>
    public IReadOnlyList<OtherName> OtherNames { get; init; } = [];

    /// <summary>Name constraints of a CA certificate; only valid with <see cref="IsCA"/>.</summary>
    public NameConstraints? NameConstraints { get; init; }

    /// <summary>cert-manager signatureAlgorithm name (see <see cref="SignatureAlgorithms"/>); null means the key's default.</summary>
    public string? SignatureAlgorithm { get; init; }

    /// <summary>Whether keyUsage/extendedKeyUsage go into a CSR (certificates always carry them).</summary>
    public bool EncodeUsagesInRequest { get; init; } = true;
}

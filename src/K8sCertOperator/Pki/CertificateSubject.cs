namespace K8sCertOperator.Pki;

/// <summary>Distinguished-name fields besides the common name, named as cert-manager's X509Subject.</summary>
public sealed record CertificateSubject
{
    public IReadOnlyList<string> Organizations { get; init; } = [];
    public IReadOnlyList<string> OrganizationalUnits { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Localities { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public IReadOnlyList<string> StreetAddresses { get; init; } = [];
    public IReadOnlyList<string> PostalCodes { get; init; } = [];
    public string? SerialNumber { get; init; }

    public bool IsEmpty => Organizations.Count == 0 && OrganizationalUnits.Count == 0 && Countries.Count == 0
        && Localities.Count == 0 && Provinces.Count == 0 && StreetAddresses.Count == 0 && PostalCodes.Count == 0
        && string.IsNullOrEmpty(SerialNumber);
}

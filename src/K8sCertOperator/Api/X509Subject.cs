using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Subject attributes besides CN (cert-manager's X509Subject).</summary>
public sealed class X509Subject
{
    [JsonPropertyName("organizations")]
    public List<string>? Organizations { get; set; }

    [JsonPropertyName("countries")]
    public List<string>? Countries { get; set; }

    [JsonPropertyName("organizationalUnits")]
    public List<string>? OrganizationalUnits { get; set; }

    [JsonPropertyName("localities")]
    public List<string>? Localities { get; set; }

    [JsonPropertyName("provinces")]
    public List<string>? Provinces { get; set; }

    [JsonPropertyName("streetAddresses")]
    public List<string>? StreetAddresses { get; set; }

    [JsonPropertyName("postalCodes")]
    public List<string>? PostalCodes { get; set; }

    [JsonPropertyName("serialNumber")]
    public string? SerialNumber { get; set; }
}

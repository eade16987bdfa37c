using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>spec.nameConstraints: the names a CA certificate may sign for; only with isCA.</summary>
public sealed class CertificateNameConstraints
{
    /// <summary>Marks the extension critical.</summary>
    [JsonPropertyName("critical")]
    public bool? Critical { get; set; }

    [JsonPropertyName("permitted")]
    public NameConstraintItems? Permitted { get; set; }

    [JsonPropertyName("excluded")]
    public NameConstraintItems? Excluded { get; set; }
}

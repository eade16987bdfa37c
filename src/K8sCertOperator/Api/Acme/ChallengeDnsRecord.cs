using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>One TXT record a challenge needs, exactly as it must appear in DNS.</summary>
public sealed class ChallengeDnsRecord
{
    /// <summary>Absolute owner name, e.g. <c>_validation-persist.example.com.</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The TXT value (one character-string, without quotes).</summary>
    [JsonPropertyName("value")]
    public string Value { get; set; } = "";

    /// <summary>True when the operator writes it through the solver's DNS provider; false when somebody must publish it.</summary>
    [JsonPropertyName("managed")]
    public bool Managed { get; set; }

    public override string ToString() => $"{Name} TXT \"{Value}\"";
}

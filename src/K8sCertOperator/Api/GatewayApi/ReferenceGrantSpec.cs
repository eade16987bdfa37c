using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>Who may refer (<see cref="From"/>) to what in the grant's namespace (<see cref="To"/>).</summary>
public sealed class ReferenceGrantSpec
{
    [JsonPropertyName("from")]
    public List<ReferenceGrantFrom> From { get; set; } = [];

    [JsonPropertyName("to")]
    public List<ReferenceGrantTo> To { get; set; } = [];
}

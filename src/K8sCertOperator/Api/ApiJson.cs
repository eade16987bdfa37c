using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>System.Text.Json settings matching the CRD wire format (explicit names, nulls omitted).</summary>
public static class ApiJson
{
    /// <summary>Shared options; omitting nulls keeps patches and creates from clearing fields by accident.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Cli.Ops;

/// <summary>The -o values and how a report is written in each structured form.</summary>
public static class OutputFormats
{
    public const string Table = "table";
    public const string Json = "json";
    public const string Yaml = "yaml";

    /// <summary>How -o json indents.</summary>
    public static JsonSerializerOptions IndentedJson { get; } = new() { WriteIndented = true };

    public static bool IsKnown(string? format) => format is Table or Json or Yaml;

    /// <summary>Writes <paramref name="report"/> as JSON or YAML; false for table (the caller renders that).</summary>
    public static async Task<bool> TryWriteStructuredAsync(JsonNode report, string format, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case Json:
                await output.WriteLineAsync(report.ToJsonString(IndentedJson).AsMemory(), cancellationToken).ConfigureAwait(false);
                return true;
            case Yaml:
                await output.WriteAsync(YamlText.Write(report).AsMemory(), cancellationToken).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }
}

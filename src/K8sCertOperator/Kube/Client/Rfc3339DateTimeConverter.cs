using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// Timestamps as the API server reads and writes them: RFC 3339 in UTC. Written with microseconds so the
/// same value suits metav1.Time and metav1.MicroTime fields (Lease renewTime, Event eventTime); read with
/// any number of fractional digits (the server sends none, clients such as kubectl up to nine).
/// </summary>
public sealed class Rfc3339DateTimeConverter : JsonConverter<DateTime>
{
    private const string WriteFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.ffffff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !TryParse(text, out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 timestamp");
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        writer.WriteStringValue(utc.ToString(WriteFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses RFC 3339 with an offset or Z; .NET keeps 7 fractional digits, so nanoseconds are truncated first.</summary>
    public static bool TryParse(string text, out DateTime value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            && text.Contains('T', StringComparison.OrdinalIgnoreCase);
        value = ok ? parsed.UtcDateTime : default;
        return ok;
    }
}

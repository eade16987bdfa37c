using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Api;

/// <summary>
/// Our status timestamps as metav1.Time writes them (and cert-manager shows them): RFC 3339 UTC to the
/// second, e.g. <c>2026-04-02T03:04:05Z</c>. Reads any RFC 3339 form. Kubernetes models keep microseconds
/// (<see cref="Rfc3339DateTimeConverter"/>), which MicroTime fields such as a Lease's renewTime require.
/// </summary>
public sealed class MetaTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && Rfc3339DateTimeConverter.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an RFC 3339 timestamp");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        writer.WriteStringValue(utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture));
    }
}

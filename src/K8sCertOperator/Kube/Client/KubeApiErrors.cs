using System.Net;
using System.Text.Json;

namespace K8sCertOperator.Kube.Client;

/// <summary>Turns API-server failures (error responses and watch ERROR events) into <see cref="KubeApiException"/> with a typed kind.</summary>
public static class KubeApiErrors
{
    /// <summary>Kind for an HTTP status code and the Status reason the server sent (if any).</summary>
    public static KubeApiErrorKind Classify(HttpStatusCode statusCode, string? statusReason) => statusCode switch
    {
        HttpStatusCode.NotFound => KubeApiErrorKind.NotFound,
        HttpStatusCode.Conflict when string.Equals(statusReason, "AlreadyExists", StringComparison.Ordinal) => KubeApiErrorKind.AlreadyExists,
        HttpStatusCode.Conflict => KubeApiErrorKind.Conflict,
        HttpStatusCode.Gone => KubeApiErrorKind.Gone,
        _ => KubeApiErrorKind.Other,
    };

    /// <summary>Throws <see cref="KubeApiException"/> for a non-success response, with the reason of the Status body.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(body);
            throw FromStatus(response.StatusCode, doc.RootElement);
        }
        catch (JsonException)
        {
            throw FromStatus(response.StatusCode, null);
        }
    }

    /// <summary>
    /// The error for an HTTP status and the Status object the server sent with it (if any): kind from code and reason,
    /// message with the server's own words (e.g. which RBAC rule refused), so a log line or CLI error says why.
    /// </summary>
    public static KubeApiException FromStatus(HttpStatusCode code, JsonElement? status)
    {
        var reason = status is { } s ? Text(s, "reason") : null;
        var message = status is { } m ? Text(m, "message") : null;
        var text = $"Kubernetes API returned {(int)code} {reason}".TrimEnd() + (string.IsNullOrEmpty(message) ? "" : ": " + message);
        return new KubeApiException(Classify(code, reason), code, text);
    }

    private static string? Text(JsonElement status, string property) =>
        status.ValueKind == JsonValueKind.Object
        && status.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

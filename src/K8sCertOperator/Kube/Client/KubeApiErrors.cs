using System.Net;
using k8s;
using k8s.Autorest;

namespace K8sCertOperator.Kube.Client;

/// <summary>Turns API-server failures (our own responses, and KubernetesClient's exceptions where the CLI uses its typed calls) into <see cref="KubeApiException"/> with a typed kind.</summary>
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

    /// <summary>Maps an exception thrown by KubernetesClient; returns null when it is not an API error.</summary>
    public static KubeApiException? Translate(Exception exception)
    {
        switch (exception)
        {
            case KubeApiException k:
                return k;
            case HttpOperationException http when http.Response is not null:
                var reason = TryReadReason(http.Response.Content);
                var code = http.Response.StatusCode;
                return new KubeApiException(Classify(code, reason), code, $"Kubernetes API returned {(int)code} {reason}".TrimEnd(), http);
            case KubernetesException kex when kex.Status?.Code is int statusCode:
                // Watch streams deliver failures (notably 410 Gone for a stale resourceVersion) as Status objects.
                var c = (HttpStatusCode)statusCode;
                return new KubeApiException(Classify(c, kex.Status.Reason), c, $"Kubernetes API status {statusCode} {kex.Status.Reason}".TrimEnd(), kex);
            default:
                return null;
        }
    }

    /// <summary>Runs an API call and rethrows API errors as <see cref="KubeApiException"/>.</summary>
    public static async Task<TResult> CallAsync<TResult>(Func<Task<TResult>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpOperationException or KubernetesException && Translate(e) is not null)
        {
            throw Translate(e)!;
        }
    }

    /// <summary>Like <see cref="CallAsync{TResult}"/> but returns null on 404.</summary>
    public static async Task<TResult?> CallOrNullAsync<TResult>(Func<Task<TResult>> call)
        where TResult : class
    {
        try
        {
            return await CallAsync(call).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>Throws <see cref="KubeApiException"/> for a non-success response, with the reason of the Status body.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var reason = TryReadReason(body);
        var code = response.StatusCode;
        throw new KubeApiException(Classify(code, reason), code, $"Kubernetes API returned {(int)code} {reason}".TrimEnd());
    }

    /// <summary>The <c>reason</c> of a Status object, or null.</summary>
    public static string? ReasonOf(System.Text.Json.JsonElement status) =>
        status.ValueKind == System.Text.Json.JsonValueKind.Object
        && status.TryGetProperty("reason", out var r)
        && r.ValueKind == System.Text.Json.JsonValueKind.String
            ? r.GetString()
            : null;

    private static string? TryReadReason(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return ReasonOf(doc.RootElement);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

using System.Net;
using System.Text.Json;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Acme.Http;

/// <summary>
/// Turns an error response into the problem shown to users. Only an RFC 7807 problem document is quoted, and only
/// as a sanitized excerpt; any other body (an HTML page, what a redirect target returned) is described by status,
/// content type and length, never quoted, so an error condition cannot echo a peer's or an internal service's data.
/// </summary>
public static class AcmeProblemReader
{
    public static AcmeProblem Read(AcmeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (response.Body.Length > 0 && IsJson(response.ContentType))
        {
            try
            {
                var problem = JsonSerializer.Deserialize(response.Body, AcmeJsonContext.Default.AcmeProblem);
                if (problem is not null && (problem.Type is not null || problem.Detail is not null))
                {
                    var sanitized = problem.Sanitized();
                    return sanitized.Status is null ? sanitized with { Status = status } : sanitized;
                }
            }
            catch (JsonException)
            {
                // Not a problem document: described below without quoting it.
            }
        }

        var described = SafeExcerpt.DescribeUnquotedBody(status, response.ContentType, response.Body.Length);
        if (status is >= 300 and < 400)
        {
            // RFC 8555 needs no redirects; following one could send signed requests (or the account key's
            // signatures) anywhere. The target is not named: it may be an internal address.
            described += "; redirects are not followed for ACME";
        }
        else if (response.Body.Length == 0)
        {
            described = $"HTTP {status} ({(HttpStatusCode)status}), empty body";
        }

        return new AcmeProblem { Status = status, Detail = described };
    }

    private static bool IsJson(string? contentType) => contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false;
}

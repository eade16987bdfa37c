using System.Globalization;
using System.Text;

namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// Writes one complete HTTP/1.1 response: status line, Date, Content-Type, an exact
/// Content-Length and Connection: close (every connection carries one request), then the body
/// unless the request was HEAD, which gets the same headers and no body (RFC 9110 9.3.2).
/// </summary>
public static class HttpResponseWriter
{
    public static async Task WriteAsync(
        Stream stream, int status, string contentType, ReadOnlyMemory<byte> body, bool headOnly, CancellationToken cancellationToken)
    {
        var head = new StringBuilder(160)
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {DateTimeOffset.UtcNow:r}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        if (status == 405)
        {
            head.Append("Allow: GET, HEAD\r\n");
        }
        head.Append("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        if (!headOnly && body.Length > 0)
        {
            await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        // The reason phrase is informational only (RFC 9112 4): clients read the code.
        _ => "Status",
    };
}

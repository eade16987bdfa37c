using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>AWS Signature Version 4 for one HTTP request (header form, as the Route53 REST API expects).</summary>
public static class AwsSigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>
    /// Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (with a session token) and <c>Authorization</c>
    /// to <paramref name="request"/>. Signed headers: host, content-type (when there is content), x-amz-*.
    /// </summary>
    public static void Sign(
        HttpRequestMessage request, ReadOnlySpan<byte> payload, AwsCredentials credentials,
        string region, string service, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("request has no URI", nameof(request));
        var amzDate = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (credentials.SessionToken is not null)
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-date"] = amzDate,
        };
        if (credentials.SessionToken is not null)
        {
            headers["x-amz-security-token"] = credentials.SessionToken;
        }
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        var canonical = CanonicalRequest(request.Method.Method, uri, headers, Hex(SHA256.HashData(payload)));
        request.Headers.TryAddWithoutValidation(
            "Authorization", AuthorizationHeader(canonical, headers.Keys, credentials, region, service, time));
    }

    /// <summary>The <c>Authorization</c> header value for a canonical request (exposed for the published test vectors).</summary>
    public static string AuthorizationHeader(
        string canonicalRequest, IEnumerable<string> signedHeaders, AwsCredentials credentials,
        string region, string service, DateTimeOffset time)
    {
        var date = time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = StringToSign(canonicalRequest, scope, time);
        var key = SigningKey(credentials.SecretAccessKey, date, region, service);
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={string.Join(';', signedHeaders)}, Signature={signature}";
    }

    /// <summary>Canonical request: method, URI, query, headers (lower-case, sorted), signed header list, payload hash.</summary>
    public static string CanonicalRequest(
        string method, Uri uri, SortedDictionary<string, string> headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        var canonicalHeaders = string.Concat(headers.Select(h => $"{h.Key}:{CollapseSpaces(h.Value)}\n"));
        return string.Join('\n',
            method,
            CanonicalPath(uri),
            CanonicalQuery(uri),
            canonicalHeaders,
            string.Join(';', headers.Keys),
            payloadHash);
    }

    public static string StringToSign(string canonicalRequest, string scope, DateTimeOffset time) =>
        string.Join('\n',
            Algorithm,
            time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

    internal static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path.Length == 0)
        {
            return "/";
        }
        return string.Join('/', path.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));
    }

    internal static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }
        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                var key = at < 0 ? pair : pair[..at];
                var value = at < 0 ? string.Empty : pair[(at + 1)..];
                return (Key: Encode(Uri.UnescapeDataString(key)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
    }

    // RFC 3986 unreserved characters stay, everything else is %XX of its UTF-8 bytes, upper-case hex.
    internal static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }

    private static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8);
    }

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

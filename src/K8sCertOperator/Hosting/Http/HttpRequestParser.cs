using System.Text;

namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// Pure parsing of an HTTP/1.x request head (RFC 9112 sections 2-5): finds where the head ends
/// and turns it into a <see cref="HttpRequestHead"/> or a refusal. Strict where leniency invites
/// smuggling or confusion (bare CR, obs-fold, whitespace before the colon, missing Host).
/// </summary>
public static class HttpRequestParser
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>
    /// The offset just past the empty line that ends the head, or -1 while it has not arrived.
    /// Lines end in LF with an optional CR; empty lines before the request line are skipped (RFC 9112 2.2).
    /// </summary>
    public static int FindHeadEnd(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        var sawLine = false;
        while (offset < data.Length)
        {
            var lf = data[offset..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return -1;
            }
            var empty = lf == 0 || (lf == 1 && data[offset] == (byte)'\r');
            if (empty && sawLine)
            {
                return offset + lf + 1;
            }
            sawLine |= !empty;
            offset += lf + 1;
        }
        return -1;
    }

    /// <summary>Parses a complete head as found by <see cref="FindHeadEnd"/>.</summary>
    public static HttpParseResult Parse(ReadOnlySpan<byte> head)
    {
        // Latin-1 maps every byte to one char, so obs-text in header values survives and offsets stay byte offsets.
        var lines = Encoding.Latin1.GetString(head).Split('\n');
        var index = 0;
        while (index < lines.Length && lines[index] is "" or "\r")
        {
            index++;
        }
        if (index == lines.Length)
        {
            return HttpParseResult.Fail(400, "empty request");
        }
        if (!TryLine(lines[index], out var requestLine))
        {
            return HttpParseResult.Fail(400, "bare CR in request line");
        }
        var request = ParseRequestLine(requestLine);
        if (request.Request is null)
        {
            return request;
        }
        var hosts = 0;
        for (index++; index < lines.Length; index++)
        {
            if (!TryLine(lines[index], out var line))
            {
                return HttpParseResult.Fail(400, "bare CR in header");
            }
            if (line.Length == 0)
            {
                break;
            }
            if (!TryHeader(line, out var name))
            {
                return HttpParseResult.Fail(400, "malformed header line");
            }
            hosts += name.Equals("Host", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }
        // RFC 9112 3.2: an HTTP/1.1 request without exactly one Host is refused.
        return requestLine.EndsWith("HTTP/1.1", StringComparison.Ordinal) && hosts != 1
            ? HttpParseResult.Fail(400, "HTTP/1.1 request needs exactly one Host header")
            : request;
    }

    private static HttpParseResult ParseRequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || !IsToken(parts[0]) || parts[1].Length == 0 || parts[1].Any(c => c <= ' ' || c >= '\x7f'))
        {
            return HttpParseResult.Fail(400, "malformed request line");
        }
        var version = parts[2];
        if (version is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            return IsVersionSyntax(version)
                ? HttpParseResult.Fail(505, "only HTTP/1.0 and HTTP/1.1 are served")
                : HttpParseResult.Fail(400, "malformed HTTP version");
        }
        return TrySplitTarget(parts[1], out var path, out var query)
            ? HttpParseResult.Ok(new HttpRequestHead(parts[0], path, query))
            : HttpParseResult.Fail(400, "malformed request target");
    }

    // Origin form ("/p?q"), asterisk form ("*", for OPTIONS) and absolute form ("http://h/p", which
    // RFC 9112 3.2.2 says servers must accept). Authority form is only for CONNECT, which we don't serve.
    private static bool TrySplitTarget(string target, out string path, out string query)
    {
        path = string.Empty;
        query = string.Empty;
        if (target == "*")
        {
            path = target;
            return true;
        }
        if (target[0] != '/')
        {
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return false;
            }
            target = uri.PathAndQuery;
        }
        var mark = target.IndexOf('?', StringComparison.Ordinal);
        path = mark < 0 ? target : target[..mark];
        query = mark < 0 ? string.Empty : target[(mark + 1)..];
        return true;
    }

    private static bool TryLine(string raw, out string line)
    {
        line = raw.EndsWith('\r') ? raw[..^1] : raw;
        return !line.Contains('\r', StringComparison.Ordinal);
    }

    private static bool TryHeader(string line, out string name)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        name = colon > 0 ? line[..colon] : string.Empty;
        // A leading space is obs-fold and a space before the colon is forbidden (RFC 9112 5.1, 5.2): both are 400.
        return IsToken(name) && line.AsSpan(colon + 1).IndexOfAnyInRange('\0', '\x08') < 0
            && line.AsSpan(colon + 1).IndexOfAnyInRange('\x0a', '\x1f') < 0 && !line.Contains('\x7f', StringComparison.Ordinal);
    }

    private static bool IsToken(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c, StringComparison.Ordinal));

    private static bool IsVersionSyntax(string version) =>
        version.Length == 8 && version.StartsWith("HTTP/", StringComparison.Ordinal)
        && char.IsAsciiDigit(version[5]) && version[6] == '.' && char.IsAsciiDigit(version[7]);
}

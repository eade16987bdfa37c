using System.Globalization;
using System.Net.Http.Headers;

namespace K8sCertOperator.Acme.Http;

/// <summary>Parses Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.</summary>
public static class RetryAfterParser
{
    // IMF-fixdate, the two obsolete HTTP-date forms RFC 9110 §5.6.7 still asks recipients to accept,
    // and RFC 3339 as some servers send it. A general-purpose parse would take "1.5" for a date.
    private static readonly string[] DateFormats =
    [
        "r",
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
        "ddd MMM d HH:mm:ss yyyy",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The wait the header asks for relative to <paramref name="now"/>; null when absent or unparseable.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // A day is far beyond any wait we would honour, and this keeps TimeSpan from overflowing.
            return TimeSpan.FromSeconds(Math.Min(seconds, 86_400L * 365));
        }
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowInnerWhite, out var date))
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Reads the header from a response.</summary>
    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } parsed)
        {
            if (parsed.Delta is { } delta)
            {
                return delta;
            }
            if (parsed.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }
        return headers.TryGetValues("Retry-After", out var raw) ? Parse(raw.FirstOrDefault(), now) : null;
    }
}

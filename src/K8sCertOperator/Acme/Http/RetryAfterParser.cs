using System.Globalization;
using System.Net.Http.Headers;

namespace K8sCertOperator.Acme.Http;

/// <summary>Parses Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.</summary>
public static class RetryAfterParser
{
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
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ||
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date))
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

using System.Globalization;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// "At most <see cref="Count"/> new ACME orders per <see cref="Period"/>" for one account (Let's Encrypt: 300/3h).
/// Enforced as a token bucket holding <see cref="Count"/> tokens that refills evenly over <see cref="Period"/>.
/// </summary>
public sealed record AcmeOrderRate(int Count, TimeSpan Period)
{
    /// <summary>Let's Encrypt's "new orders per account" limit.</summary>
    public static AcmeOrderRate LetsEncrypt { get; } = new(300, TimeSpan.FromHours(3));

    /// <summary>Time for one token to come back.</summary>
    public TimeSpan Interval => Period / Count;

    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + "/" + GoDuration.Format(Period);

    /// <summary>
    /// Parses "COUNT/DURATION" (e.g. "300/3h", "5/1m30s"); "off", "none", "0" or empty mean no limit (null).
    /// Strict: anything else is an error that says what was expected.
    /// </summary>
    public static bool TryParse(string? text, out AcmeOrderRate? rate, out string? error)
    {
        rate = null;
        error = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0 || value is "0" || value.Equals("off", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1 || value.IndexOf('/', slash + 1) >= 0)
        {
            error = $"'{value}' is not COUNT/DURATION (e.g. 300/3h), nor 'off'";
            return false;
        }

        var countText = value[..slash].Trim();
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            error = $"'{countText}' in '{value}' is not a positive whole number of orders";
            return false;
        }

        var periodText = value[(slash + 1)..].Trim();
        if (!GoDuration.TryParse(periodText, out var period, out var durationError))
        {
            error = $"'{periodText}' in '{value}' is not a duration like 3h or 90s" + (durationError is null ? "" : $" ({durationError})");
            return false;
        }

        if (period <= TimeSpan.Zero)
        {
            error = $"the period in '{value}' must be longer than zero";
            return false;
        }

        rate = new AcmeOrderRate(count, period);
        return true;
    }

    /// <summary>As <see cref="TryParse"/>, throwing <see cref="FormatException"/> with the message on failure.</summary>
    public static AcmeOrderRate? Parse(string? text) =>
        TryParse(text, out var rate, out var error) ? rate : throw new FormatException(error);
}

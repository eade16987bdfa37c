using System.Globalization;
using System.Text;

namespace K8sCertOperator.Api;

/// <summary>
/// Parses and formats Go <c>time.Duration</c> strings ("2160h", "1h30m", "500ms"), the format of
/// <c>spec.duration</c> and <c>spec.renewBefore</c>, with Go's rules and range (±2^63-1 ns).
/// </summary>
public static class GoDuration
{
    /// <summary>The CRD validation pattern: unsigned Go durations with a leading digit (Go also accepts a sign and ".5h").</summary>
    public const string Pattern = @"^(0|([0-9]+(\.[0-9]+)?(ns|us|µs|μs|ms|s|m|h))+)$";

    private const ulong MaxNanoseconds = long.MaxValue;

    /// <summary>Parses <paramref name="value"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static TimeSpan Parse(string value) =>
        TryParse(value, out var result, out var error) ? result : throw new FormatException(error);

    public static bool TryParse(string? value, out TimeSpan result) => TryParse(value, out result, out _);

    /// <summary>Parses like Go's time.ParseDuration; precision is truncated to 100 ns ticks.</summary>
    public static bool TryParse(string? value, out TimeSpan result, out string? error)
    {
        result = TimeSpan.Zero;
        if (string.IsNullOrEmpty(value))
        {
            error = "invalid duration: empty string";
            return false;
        }

        var s = value.AsSpan();
        var negative = false;
        if (s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s is "0")
        {
            error = null;
            return true;
        }

        if (s.IsEmpty)
        {
            return Fail(value, "no number", out error);
        }

        ulong total = 0;
        while (!s.IsEmpty)
        {
            var intDigits = CountDigits(s);
            var intPart = s[..intDigits];
            s = s[intDigits..];

            var fracPart = ReadOnlySpan<char>.Empty;
            if (!s.IsEmpty && s[0] == '.')
            {
                s = s[1..];
                var fracDigits = CountDigits(s);
                fracPart = s[..fracDigits];
                s = s[fracDigits..];
            }

            if (intPart.IsEmpty && fracPart.IsEmpty)
            {
                return Fail(value, "expected a number", out error);
            }

            var unitLength = 0;
            while (unitLength < s.Length && s[unitLength] != '.' && !char.IsAsciiDigit(s[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                return Fail(value, "missing unit", out error);
            }

            var unitText = s[..unitLength];
            s = s[unitLength..];
            var unit = UnitNanoseconds(unitText);
            if (unit == 0)
            {
                return Fail(value, $"unknown unit \"{unitText}\" (use ns, us, ms, s, m or h)", out error);
            }

            if (!TryAccumulate(intPart, fracPart, unit, ref total))
            {
                return Fail(value, "out of range", out error);
            }
        }

        var nanoseconds = negative ? -(long)total : (long)total;
        result = TimeSpan.FromTicks(nanoseconds / 100);
        error = null;
        return true;
    }

    /// <summary>Formats like Go's Duration.String(): "2160h0m0s", "1m30s", "1.5s", "500ms", "0s".</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        // Work in unsigned ticks so TimeSpan.MinValue does not overflow on negation.
        var ticks = value.Ticks < 0 ? (ulong)(-(value.Ticks + 1)) + 1 : (ulong)value.Ticks;
        if (value.Ticks < 0)
        {
            builder.Append('-');
        }

        if (ticks < TimeSpan.TicksPerMillisecond)
        {
            AppendWithFraction(builder, ticks, (ulong)TimeSpan.TicksPerMicrosecond, "µs");
        }
        else if (ticks < TimeSpan.TicksPerSecond)
        {
            AppendWithFraction(builder, ticks, (ulong)TimeSpan.TicksPerMillisecond, "ms");
        }
        else
        {
            var hours = ticks / (ulong)TimeSpan.TicksPerHour;
            var rest = ticks % (ulong)TimeSpan.TicksPerHour;
            var minutes = rest / (ulong)TimeSpan.TicksPerMinute;
            rest %= (ulong)TimeSpan.TicksPerMinute;
            if (hours > 0)
            {
                builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            }

            if (hours > 0 || minutes > 0)
            {
                builder.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
            }

            AppendWithFraction(builder, rest, (ulong)TimeSpan.TicksPerSecond, "s");
        }

        return builder.ToString();
    }

    private static void AppendWithFraction(StringBuilder builder, ulong ticks, ulong ticksPerUnit, string unit)
    {
        builder.Append((ticks / ticksPerUnit).ToString(CultureInfo.InvariantCulture));
        var fraction = ticks % ticksPerUnit;
        if (fraction != 0)
        {
            var width = ticksPerUnit.ToString(CultureInfo.InvariantCulture).Length - 1;
            builder.Append('.').Append(fraction.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0').TrimEnd('0'));
        }

        builder.Append(unit);
    }

    private static bool TryAccumulate(ReadOnlySpan<char> intPart, ReadOnlySpan<char> fracPart, ulong unit, ref ulong total)
    {
        ulong whole = 0;
        foreach (var c in intPart)
        {
            if (whole > (MaxNanoseconds - (ulong)(c - '0')) / 10)
            {
                return false;
            }

            whole = (whole * 10) + (ulong)(c - '0');
        }

        if (whole > MaxNanoseconds / unit)
        {
            return false;
        }

        var nanoseconds = whole * unit;
        if (!fracPart.IsEmpty)
        {
            // Digits beyond 18 are below a nanosecond even for hours; decimal keeps the rest exact.
            var digits = fracPart.Length > 18 ? fracPart[..18] : fracPart;
            var fraction = decimal.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            var scaled = fraction / Pow10(digits.Length) * unit;
            nanoseconds += (ulong)decimal.Truncate(scaled);
        }

        if (nanoseconds > MaxNanoseconds || total > MaxNanoseconds - nanoseconds)
        {
            return false;
        }

        total += nanoseconds;
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    private static ulong UnitNanoseconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 1UL,
        "us" or "µs" or "μs" => 1_000UL,
        "ms" => 1_000_000UL,
        "s" => 1_000_000_000UL,
        "m" => 60UL * 1_000_000_000UL,
        "h" => 3_600UL * 1_000_000_000UL,
        _ => 0UL,
    };

    private static bool Fail(string value, string problem, out string? error)
    {
        error = $"invalid duration \"{value}\": {problem}";
        return false;
    }
}

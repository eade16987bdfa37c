using System.Globalization;

namespace K8sCertOperator.Policies;

/// <summary>
/// A parsed 5-field cron expression (minute hour day-of-month month day-of-week) with numbers, <c>*</c>, lists,
/// ranges and steps; day-of-week 0-7 with both 0 and 7 meaning Sunday. As in cron, when both day fields are
/// restricted a day matches if either matches. Times are wall-clock minutes (no timezone).
/// </summary>
public sealed class CronSchedule
{
    private readonly bool[] _minutes = new bool[60];
    private readonly bool[] _hours = new bool[24];
    private readonly bool[] _days = new bool[32];
    private readonly bool[] _months = new bool[13];
    private readonly bool[] _weekdays = new bool[8];
    private bool _dayRestricted;
    private bool _weekdayRestricted;

    private CronSchedule()
    {
    }

    /// <summary>Parses <paramref name="expression"/>; on failure returns false with a reason in <paramref name="error"/>.</summary>
    public static bool TryParse(string? expression, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var fields = (expression ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
        {
            error = $"cron \"{expression}\" must have 5 fields (minute hour day-of-month month day-of-week)";
            return false;
        }

        var s = new CronSchedule();
        if (!ParseField(fields[0], 0, 59, s._minutes, out _, out error)
            || !ParseField(fields[1], 0, 23, s._hours, out _, out error)
            || !ParseField(fields[2], 1, 31, s._days, out s._dayRestricted, out error)
            || !ParseField(fields[3], 1, 12, s._months, out _, out error)
            || !ParseField(fields[4], 0, 7, s._weekdays, out s._weekdayRestricted, out error))
        {
            error = $"cron \"{expression}\": {error}";
            return false;
        }

        s._weekdays[0] |= s._weekdays[7];
        schedule = s;
        return true;
    }

    /// <summary>Whether the wall-clock minute containing <paramref name="time"/> matches.</summary>
    public bool Matches(DateTime time) =>
        _months[time.Month] && DayMatches(time) && _hours[time.Hour] && _minutes[time.Minute];

    /// <summary>First matching wall-clock minute at or after <paramref name="from"/> (rounded up to a minute), within <paramref name="horizon"/>.</summary>
    public DateTime? Next(DateTime from, TimeSpan horizon)
    {
        var t = new DateTime(from.Ticks - (from.Ticks % TimeSpan.TicksPerMinute), from.Kind);
        if (t < from)
        {
            t = t.AddMinutes(1);
        }

        var end = from + horizon;
        while (t <= end)
        {
            if (!_months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, t.Kind).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
            }
            else if (!_hours[t.Hour])
            {
                t = t.Date.AddHours(t.Hour + 1);
            }
            else if (!_minutes[t.Minute])
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return t;
            }
        }

        return null;
    }

    private bool DayMatches(DateTime time)
    {
        var dom = _days[time.Day];
        var dow = _weekdays[(int)time.DayOfWeek];
        return _dayRestricted && _weekdayRestricted ? dom || dow : dom && dow;
    }

    private static bool ParseField(string field, int min, int max, bool[] set, out bool restricted, out string? error)
    {
        restricted = !field.StartsWith('*');
        foreach (var part in field.Split(','))
        {
            var rangeAndStep = part.Split('/');
            if (rangeAndStep.Length > 2)
            {
                error = $"\"{part}\" has more than one step";
                return false;
            }

            var step = 1;
            if (rangeAndStep.Length == 2 && (!TryNumber(rangeAndStep[1], out step) || step < 1))
            {
                error = $"step in \"{part}\" must be a positive number";
                return false;
            }

            int low, high;
            var range = rangeAndStep[0];
            if (range == "*")
            {
                (low, high) = (min, max);
            }
            else if (range.Split('-') is { Length: 2 } bounds)
            {
                if (!TryNumber(bounds[0], out low) || !TryNumber(bounds[1], out high) || low > high)
                {
                    error = $"range \"{range}\" is not low-high";
                    return false;
                }
            }
            else if (TryNumber(range, out low))
            {
                high = rangeAndStep.Length == 2 ? max : low;
            }
            else
            {
                error = $"\"{part}\" is not a number, range or *";
                return false;
            }

            if (low < min || high > max)
            {
                error = $"\"{part}\" is outside {min}-{max}";
                return false;
            }

            for (var v = low; v <= high; v += step)
            {
                set[v] = true;
            }
        }

        error = null;
        return true;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

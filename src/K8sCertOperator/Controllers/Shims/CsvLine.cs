using System.Text;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Splits an annotation value that is one line of CSV (RFC 4180, as Go's encoding/csv reads it): commas separate
/// fields, a field in double quotes may hold commas, and "" in it is a quote. cert-manager reads its subject-*
/// annotations so: <c>"10 Downing Street, Westminster",Manchester</c> is two street addresses.
/// </summary>
public static class CsvLine
{
    /// <summary>The fields, or null with <paramref name="error"/> set (empty, several lines, a stray quote).</summary>
    public static List<string>? Split(string value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        error = null;
        if (value.Length == 0)
        {
            error = "no values";
            return null;
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < value.Length && value[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= value.Length)
                    {
                        error = "a quoted field is not closed";
                        return null;
                    }

                    if (value[i] == '"')
                    {
                        if (i + 1 < value.Length && value[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(value[i++]);
                }

                if (i < value.Length && value[i] != ',')
                {
                    error = $"unexpected character '{value[i]}' after a quoted field";
                    return null;
                }
            }
            else
            {
                while (i < value.Length && value[i] != ',')
                {
                    if (value[i] is '"')
                    {
                        error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                        return null;
                    }

                    if (value[i] is '\n' or '\r')
                    {
                        error = "more than one line";
                        return null;
                    }

                    field.Append(value[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= value.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }
}

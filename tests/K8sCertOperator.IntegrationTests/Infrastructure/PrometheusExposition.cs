using System.Globalization;
using System.Text;

namespace K8sCertOperator.IntegrationTests.Infrastructure;

/// <summary>Parses the Prometheus text format (0.0.4) served on /metrics, so tests assert on values, not substrings.</summary>
public static class PrometheusExposition
{
    public static IReadOnlyList<PrometheusSample> Parse(string exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var samples = new List<PrometheusSample>();
        foreach (var raw in exposition.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            samples.Add(ParseLine(line));
        }
        return samples;
    }

    /// <summary>The value of the series with exactly these labels; null when it is not exported.</summary>
    public static double? Value(IEnumerable<PrometheusSample> samples, string name, params (string Name, string Value)[] labels) =>
        samples.FirstOrDefault(s => s.Name == name && s.Labels.Count == labels.Length && s.Has(labels))?.Value;

    private static PrometheusSample ParseLine(string line)
    {
        var nameEnd = line.IndexOfAny(['{', ' ']);
        if (nameEnd <= 0)
        {
            throw new FormatException($"not a sample line: {line}");
        }
        var name = line[..nameEnd];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = nameEnd;
        if (line[position] == '{')
        {
            position = ParseLabels(line, position + 1, labels);
        }
        // The value, then an optional timestamp.
        var rest = line[position..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length == 0)
        {
            throw new FormatException($"sample without a value: {line}");
        }
        return new PrometheusSample(name, labels, ParseValue(rest[0]));
    }

    // Reads name="value" pairs up to the closing brace; values may escape \\, \" and \n.
    private static int ParseLabels(string line, int position, Dictionary<string, string> labels)
    {
        while (true)
        {
            while (line[position] is ',' or ' ')
            {
                position++;
            }
            if (line[position] == '}')
            {
                return position + 1;
            }
            var equals = line.IndexOf('=', position);
            var labelName = line[position..equals].Trim();
            position = equals + 1;
            if (line[position] != '"')
            {
                throw new FormatException($"unquoted label value in: {line}");
            }
            position++;
            var value = new StringBuilder();
            while (line[position] != '"')
            {
                if (line[position] == '\\')
                {
                    position++;
                    value.Append(line[position] == 'n' ? '\n' : line[position]);
                }
                else
                {
                    value.Append(line[position]);
                }
                position++;
            }
            labels[labelName] = value.ToString();
            position++;
        }
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}

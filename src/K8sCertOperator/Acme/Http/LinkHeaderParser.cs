namespace K8sCertOperator.Acme.Http;

/// <summary>Extracts URLs with a given relation from HTTP Link headers (RFC 8288).</summary>
public static class LinkHeaderParser
{
    /// <summary>
    /// The targets of every link whose rel includes <paramref name="relation"/>, resolved against
    /// <paramref name="baseUri"/>. Each header value may hold several comma-separated links.
    /// </summary>
    public static IReadOnlyList<Uri> Find(IEnumerable<string> headerValues, string relation, Uri baseUri)
    {
        var result = new List<Uri>();
        foreach (var value in headerValues)
        {
            foreach (var link in SplitLinks(value))
            {
                var open = link.IndexOf('<', StringComparison.Ordinal);
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (open < 0 || close <= open)
                {
                    continue;
                }
                var target = link[(open + 1)..close].Trim();
                var parameters = link[(close + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var hasRelation = parameters
                    .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
                    .Where(p => p.Length == 2 && p[0].Equals("rel", StringComparison.OrdinalIgnoreCase))
                    .SelectMany(p => p[1].Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Any(r => r.Equals(relation, StringComparison.OrdinalIgnoreCase));
                if (hasRelation && Uri.TryCreate(baseUri, target, out var uri))
                {
                    result.Add(uri);
                }
            }
        }
        return result;
    }

    // Commas separate links, but a comma inside <...> or a quoted string is part of the link.
    private static IEnumerable<string> SplitLinks(string value)
    {
        var start = 0;
        var inAngle = false;
        var inQuote = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<' when !inQuote:
                    inAngle = true;
                    break;
                case '>' when !inQuote:
                    inAngle = false;
                    break;
                case '"' when !inAngle:
                    inQuote = !inQuote;
                    break;
                case ',' when !inAngle && !inQuote:
                    yield return value[start..i];
                    start = i + 1;
                    break;
            }
        }
        if (start < value.Length)
        {
            yield return value[start..];
        }
    }
}

using System.Text;

namespace K8sCertOperator.Outbound;

/// <summary>
/// Text from a peer made fit for a status condition or an error message: control and format characters dropped,
/// whitespace runs collapsed, cut to a short length. Only for text that is meant to be shown (a CA's problem
/// detail, an API's error message); arbitrary bodies are never quoted at all.
/// </summary>
public static class SafeExcerpt
{
    /// <summary>Default length of an excerpt, in characters.</summary>
    public const int DefaultMaxChars = 200;

    public static string? From(string? text, int maxChars = DefaultMaxChars)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxChars + 3));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse)
            {
                continue;
            }

            if (builder.Length + (pendingSpace ? 2 : 1) > maxChars)
            {
                return builder.Append("...").ToString();
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>What to say about a body that is not quoted: "HTTP 502, text/html, 1234 bytes".</summary>
    public static string DescribeUnquotedBody(int status, string? contentType, long length) =>
        $"HTTP {status}, {From(contentType, 60) ?? "no content type"}, {length} bytes";
}

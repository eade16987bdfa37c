using System.Globalization;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>RFC 5280 §5.3.1 CRLReason names and codes, as `--reason` accepts them.</summary>
public static class RevocationReasons
{
    private static readonly Dictionary<string, int> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["unspecified"] = 0,
        ["keyCompromise"] = 1,
        ["cACompromise"] = 2,
        ["affiliationChanged"] = 3,
        ["superseded"] = 4,
        ["cessationOfOperation"] = 5,
        ["certificateHold"] = 6,
        // 7 is not used by RFC 5280.
        ["removeFromCRL"] = 8,
        ["privilegeWithdrawn"] = 9,
        ["aACompromise"] = 10,
    };

    public static IReadOnlyCollection<string> Names => Codes.Keys;

    /// <summary>A reason name or its number; null when it is neither.</summary>
    public static int? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Codes.TryGetValue(text.Trim(), out var code))
        {
            return code;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Codes.ContainsValue(number)
            ? number
            : null;
    }
}

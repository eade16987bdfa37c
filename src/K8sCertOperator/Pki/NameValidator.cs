using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace K8sCertOperator.Pki;

/// <summary>Pure validators for certificate names; each returns null when valid, otherwise the reason.</summary>
public static class NameValidator
{
    public const int MaxDnsNameLength = 253;
    public const int MaxLabelLength = 63;

    /// <summary>
    /// A DNS SAN: ASCII LDH labels (IDNs must be given as A-labels, "xn--..."), labels 1..63 chars, at most 253
    /// chars, no trailing dot, and a wildcard only as the whole left-most label followed by at least two labels.
    /// </summary>
    public static string? ValidateDnsName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "DNS name is empty";
        }

        if (name.Length > MaxDnsNameLength)
        {
            return $"DNS name \"{Shorten(name)}\" is longer than {MaxDnsNameLength} characters";
        }

        if (name.EndsWith('.'))
        {
            return $"DNS name \"{name}\" must not end with a dot";
        }

        var labels = name.Split('.');
        for (int i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == "*")
            {
                if (i != 0)
                {
                    return $"DNS name \"{name}\": a wildcard is only allowed as the left-most label";
                }

                if (labels.Length < 3)
                {
                    return $"DNS name \"{name}\": a wildcard needs at least two labels after it";
                }

                continue;
            }

            if (LabelError(label) is { } error)
            {
                return $"DNS name \"{name}\": {error}";
            }
        }

        // RFC 3696 2: a top-level label is never all-numeric; this also keeps IPv4 literals out of dnsNames.
        if (labels[^1].All(char.IsAsciiDigit))
        {
            return $"DNS name \"{name}\": the last label must not be all-numeric (put IP addresses in ipAddresses)";
        }

        return null;
    }

    /// <summary>An IP SAN: IPv4 dotted quad or IPv6 text (no zone/scope id).</summary>
    public static string? ValidateIpAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "IP address is empty";
        }

        // IPAddress.TryParse accepts shorthand such as "1" or "0x7f.1"; only canonical dotted quads or IPv6 are meant.
        bool looksV6 = address.Contains(':');
        bool looksV4 = !looksV6 && address.Split('.') is { Length: 4 } parts
            && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
        if ((!looksV4 && !looksV6) || !IPAddress.TryParse(address, out var ip)
            || (ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.ScopeId != 0) || address.Contains('%'))
        {
            return $"\"{Shorten(address)}\" is not a valid IP address";
        }

        return null;
    }

    /// <summary>A URI SAN: an absolute URI with a scheme.</summary>
    public static string? ValidateUri(string? uri)
    {
        // The explicit scheme check matters on Unix, where Uri treats "/path" as an absolute file URI.
        int colon = uri?.IndexOf(':') ?? -1;
        if (string.IsNullOrWhiteSpace(uri) || colon <= 0 || !Uri.CheckSchemeName(uri[..colon])
            || !Uri.TryCreate(uri, UriKind.Absolute, out _) || uri.Any(c => c is <= ' ' or > '~'))
        {
            return $"\"{Shorten(uri ?? string.Empty)}\" is not a valid absolute URI";
        }

        return null;
    }

    /// <summary>An e-mail SAN: ASCII local@domain with a valid (non-wildcard) DNS domain.</summary>
    public static string? ValidateEmailAddress(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "e-mail address is empty";
        }

        int at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || email.Any(c => c is <= ' ' or > '~'))
        {
            return $"\"{Shorten(email)}\" is not a valid e-mail address";
        }

        var domain = email[(at + 1)..];
        if (domain.StartsWith('*') || ValidateDnsName(domain) is not null)
        {
            return $"\"{Shorten(email)}\" is not a valid e-mail address: invalid domain";
        }

        return null;
    }

    private static string? LabelError(string label)
    {
        if (label.Length == 0)
        {
            return "empty label";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"label longer than {MaxLabelLength} characters";
        }

        foreach (var c in label)
        {
            if (c == '*')
            {
                return "a wildcard must be the whole left-most label";
            }

            if (c > '\x7f')
            {
                return "non-ASCII characters; give internationalized names as A-labels (xn--...)";
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return $"invalid character '{c}' (only letters, digits and '-' are allowed)";
            }
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return "label starts or ends with '-'";
        }

        // An A-label that does not decode is refused by every CA (rejectedIdentifier) after a wasted order.
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) && !DecodesAsPunycode(label))
        {
            return "\"xn--\" label is not valid Punycode";
        }

        return null;
    }

    private static bool DecodesAsPunycode(string label)
    {
        try
        {
            new IdnMapping { UseStd3AsciiRules = true }.GetUnicode(label);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Keeps hostile multi-kilobyte inputs out of status messages.
    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

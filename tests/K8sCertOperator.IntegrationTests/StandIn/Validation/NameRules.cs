using System.Text.RegularExpressions;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// apimachinery's syntax checks (pkg/util/validation): each returns the messages the Go functions return, empty when
/// the value is valid. Lengths are in bytes, as there.
/// </summary>
public static partial class NameRules
{
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + @"(\." + Dns1123LabelFormat + ")*";
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string ConfigKeyFormat = "[-._a-zA-Z0-9]+";

    public static List<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (Bytes(value) > 253)
        {
            errors.Add(MaxLength(253));
        }
        if (!Subdomain().IsMatch(value))
        {
            errors.Add(RegexMessage("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", Dns1123SubdomainFormat, "example.com"));
        }
        return errors;
    }

    public static List<string> Dns1123Label(string value)
    {
        var errors = new List<string>();
        if (Bytes(value) > 63)
        {
            errors.Add(MaxLength(63));
        }
        if (!Label().IsMatch(value))
        {
            errors.Add(Subdomain().IsMatch(value)
                ? "must not contain dots"
                : RegexMessage("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", Dns1123LabelFormat, "my-name", "123-abc"));
        }
        return errors;
    }

    /// <summary>IsQualifiedName: an optional DNS-subdomain prefix and '/', then a name part of at most 63 characters.</summary>
    public static List<string> QualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(Dns1123Subdomain(parts[0]).Select(m => "prefix part " + m));
                }
                break;
            default:
                return ["a qualified name " + RegexMessage(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }
        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (Bytes(name) > 63)
        {
            errors.Add("name part " + MaxLength(63));
        }
        if (!QualifiedNamePart().IsMatch(name))
        {
            errors.Add("name part " + RegexMessage(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    public static List<string> LabelValue(string value)
    {
        var errors = new List<string>();
        if (Bytes(value) > 63)
        {
            errors.Add(MaxLength(63));
        }
        if (!LabelValueText().IsMatch(value))
        {
            errors.Add(RegexMessage("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                "(" + QualifiedNameFormat + ")?", "MyValue", "my_value", "12345"));
        }
        return errors;
    }

    /// <summary>IsConfigMapKey, which Secret data keys follow too.</summary>
    public static List<string> ConfigKey(string value)
    {
        var errors = new List<string>();
        if (Bytes(value) > 253)
        {
            errors.Add(MaxLength(253));
        }
        if (!ConfigKeyText().IsMatch(value))
        {
            errors.Add(RegexMessage("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", ConfigKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }
        if (value == ".")
        {
            errors.Add("must not be '.'");
        }
        else if (value == "..")
        {
            errors.Add("must not be '..'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }
        return errors;
    }

    public static int Bytes(string value) => System.Text.Encoding.UTF8.GetByteCount(value);

    private static string MaxLength(int length) => $"must be no more than {length} characters";

    // apimachinery's RegexError: the message, the examples each quoted and followed by ", " (joined by " or "), then the regex.
    private static string RegexMessage(string message, string format, params string[] examples) =>
        examples.Length == 0
            ? $"{message} (regex used for validation is '{format}')"
            : $"{message} (e.g. {string.Join(" or ", examples.Select(e => $"'{e}', "))}regex used for validation is '{format}')";

    [GeneratedRegex("^" + Dns1123SubdomainFormat + @"\z")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^" + Dns1123LabelFormat + @"\z")]
    private static partial Regex Label();

    [GeneratedRegex("^" + QualifiedNameFormat + @"\z")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^(" + QualifiedNameFormat + @")?\z")]
    private static partial Regex LabelValueText();

    [GeneratedRegex("^" + ConfigKeyFormat + @"\z")]
    private static partial Regex ConfigKeyText();
}

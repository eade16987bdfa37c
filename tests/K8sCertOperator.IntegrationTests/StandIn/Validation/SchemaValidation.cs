using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// The openAPIV3Schema checks kube-apiserver runs on a custom resource (kube-openapi's SchemaValidator, whose errors
/// apiextensions-apiserver turns into field errors in its kubeOpenAPIResultToFieldErrors). Paths and details mirror
/// kube-openapi's: <c>spec.x[0].y in body should match '...'</c>.
/// </summary>
public static partial class SchemaValidation
{
    public static List<FieldError> Validate(JsonNode? value, SchemaNode schema, string path)
    {
        var errors = new List<FieldError>();
        Walk(value, schema, path, errors);
        return errors;
    }

    private static void Walk(JsonNode? value, SchemaNode schema, string path, List<FieldError> errors)
    {
        if (!TypeMatches(value, schema, path, errors) || value is null)
        {
            // kube-openapi still runs the enum check on a value of the wrong type (or null), and nothing else applies.
            Enum(value, schema, path, errors);
            return;
        }
        switch (value)
        {
            case JsonValue scalar:
                Scalar(scalar, schema, path, errors);
                break;
            case JsonArray list:
                List(list, schema, path, errors);
                break;
            case JsonObject map:
                Map(map, schema, path, errors);
                break;
        }
    }

    /// <summary>kube-openapi's type validator: a mismatch is FieldValueTypeInvalid whose value is the JSON type found.</summary>
    private static bool TypeMatches(JsonNode? value, SchemaNode schema, string path, List<FieldError> errors)
    {
        if (schema.Type.Length == 0 && !schema.IntOrString)
        {
            return true;
        }
        var found = JsonScalar.TypeOf(value);
        if (found == "null")
        {
            if (schema.Nullable)
            {
                return true;
            }
            errors.Add(FieldError.TypeInvalid(path, "null", $"{path} in body must be of type {schema.TypeName}: {GoFormat.Quote("null")}"));
            return false;
        }
        var accepted = schema.IntOrString
            ? found is "integer" or "string" || (found == "number" && IsWhole(value))
            : found == schema.Type || (schema.Type == "integer" && found == "number" && IsWhole(value)) || (schema.Type == "number" && found == "integer");
        if (!accepted)
        {
            errors.Add(FieldError.TypeInvalid(path, found, $"{path} in body must be of type {schema.TypeName}: {GoFormat.Quote(found)}"));
        }
        return accepted;
    }

    private static bool IsWhole(JsonNode? value) => JsonScalar.Number(value) is { } number && Math.Floor(number) == number;

    private static void Scalar(JsonValue scalar, SchemaNode schema, string path, List<FieldError> errors)
    {
        var plain = JsonScalar.ToClr(scalar);
        if (plain is string text)
        {
            // kube-openapi counts characters (runes), not bytes.
            var length = text.EnumerateRunes().Count();
            if (schema.MaxLength is { } max && length > max)
            {
                errors.Add(FieldError.TooLong(path, text, max));
            }
            if (schema.MinLength is { } min && length < min)
            {
                errors.Add(FieldError.Invalid(path, text, $"{path} in body should be at least {min} chars long"));
            }
            if (schema.PatternRegex is { } regex && !regex.IsMatch(text))
            {
                errors.Add(FieldError.Invalid(path, text, $"{path} in body should match '{schema.Pattern}'"));
            }
            if (schema.Format is { } format && !FormatHolds(format, text))
            {
                errors.Add(FieldError.TypeInvalid(path, text, $"{path} in body must be of type {format}: {GoFormat.Quote(text)}"));
            }
        }
        else if (plain is long or double)
        {
            var number = Convert.ToDouble(plain, CultureInfo.InvariantCulture);
            if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? number >= max : number > max))
            {
                var words = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
                errors.Add(FieldError.Invalid(path, plain, $"{path} in body should be {words} {Number(max)}"));
            }
            if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? number <= min : number < min))
            {
                var words = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
                errors.Add(FieldError.Invalid(path, plain, $"{path} in body should be {words} {Number(min)}"));
            }
        }
        Enum(scalar, schema, path, errors);
    }

    private static void List(JsonArray list, SchemaNode schema, string path, List<FieldError> errors)
    {
        if (schema.Items is { } items)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Walk(list[i], items, $"{path}[{i}]", errors);
            }
        }
        if (schema.MinItems is { } min && list.Count < min)
        {
            errors.Add(FieldError.Invalid(path, (long)list.Count, $"{path} in body should have at least {min} items"));
        }
        if (schema.MaxItems is { } max && list.Count > max)
        {
            errors.Add(FieldError.TooMany(path, list.Count, max));
        }
        Enum(list, schema, path, errors);
    }

    /// <summary>
    /// kube-openapi's object validator: a property-count failure ends the object's checks; otherwise map values, then
    /// declared properties, then required ones.
    /// </summary>
    private static void Map(JsonObject map, SchemaNode schema, string path, List<FieldError> errors)
    {
        Enum(map, schema, path, errors);
        if (schema.MinProperties is { } minProperties && map.Count < minProperties)
        {
            errors.Add(FieldError.Invalid(path, (long)map.Count, $"{path} in body should have at least {minProperties} properties"));
            return;
        }
        if (schema.MaxProperties is { } maxProperties && map.Count > maxProperties)
        {
            errors.Add(FieldError.TooMany(path, map.Count, maxProperties));
            return;
        }
        if (schema.AdditionalProperties is { } values)
        {
            foreach (var (key, child) in map)
            {
                if (!schema.PropertyIndex.ContainsKey(key))
                {
                    Walk(child, values, Join(path, key), errors);
                }
            }
        }
        foreach (var (name, property) in schema.Properties)
        {
            if (map.TryGetPropertyValue(name, out var child))
            {
                Walk(child, property, Join(path, name), errors);
            }
        }
        foreach (var required in schema.Required)
        {
            if (!map.ContainsKey(required))
            {
                errors.Add(FieldError.Required(Join(path, required)));
            }
        }
    }

    /// <summary>kube-openapi's enum check, which apiextensions reports as field.NotSupported listing the allowed values.</summary>
    private static void Enum(JsonNode? value, SchemaNode schema, string path, List<FieldError> errors)
    {
        if (schema.Enum.Count == 0 || schema.Enum.Any(allowed => JsonNode.DeepEquals(Normalize(allowed), Normalize(value))))
        {
            return;
        }
        var shown = value is JsonValue scalar ? JsonScalar.ToClr(scalar) : value;
        var allowedText = schema.Enum.Select(a => a is JsonValue v && JsonScalar.ToClr(v) is string s ? s : a?.ToJsonString() ?? "null");
        errors.Add(FieldError.NotSupported(path, shown, allowedText));
    }

    private static JsonNode? Normalize(JsonNode? node) => node is null ? null : JsonNode.Parse(node.ToJsonString());

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The string formats apiextensions keeps (it strips the rest) that objects here can carry.</summary>
    private static bool FormatHolds(string format, string text) => format switch
    {
        "byte" => IsBase64(text),
        "date-time" or "datetime" => DateTimeText().IsMatch(text),
        "date" => DateText().IsMatch(text),
        "uuid" => Guid.TryParseExact(text, "D", out _),
        _ => true,
    };

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return text.Length % 4 == 0 && Convert.TryFromBase64String(text, buffer, out _);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex DateTimeText();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateText();
}

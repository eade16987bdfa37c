namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// One field-level validation failure, rendered as apimachinery's field.Error renders it
/// (<c>&lt;path&gt;: &lt;Type&gt;[: &lt;value&gt;][: &lt;detail&gt;]</c>).
/// </summary>
/// <param name="Type">The cause reason, e.g. <c>FieldValueInvalid</c>; see <see cref="FieldErrorTypes"/>.</param>
/// <param name="Field">The field path, e.g. <c>spec.acme.solvers[0].dns01</c>.</param>
/// <param name="BadValue">The offending value (a .NET scalar, a JSON node, or <see cref="OmitValue"/>).</param>
/// <param name="Detail">Free text after the value.</param>
public sealed record FieldError(string Type, string Field, object? BadValue, string Detail)
{
    /// <summary>Marker for errors whose rendering leaves the value out (apimachinery's omitValue).</summary>
    public static readonly object OmitValue = new();

    public static FieldError Invalid(string field, object? value, string detail) => new(FieldErrorTypes.Invalid, field, value, detail);

    public static FieldError TypeInvalid(string field, object? value, string detail) => new(FieldErrorTypes.TypeInvalid, field, value, detail);

    public static FieldError Required(string field, string detail = "") => new(FieldErrorTypes.Required, field, "", detail);

    public static FieldError Forbidden(string field, string detail) => new(FieldErrorTypes.Forbidden, field, "", detail);

    /// <summary>field.NotSupported: the detail lists the allowed values, each quoted.</summary>
    public static FieldError NotSupported(string field, object? value, IEnumerable<string> allowed)
    {
        var quoted = allowed.Select(GoFormat.Quote).ToList();
        return new(FieldErrorTypes.NotSupported, field, value, quoted.Count == 0 ? "" : "supported values: " + string.Join(", ", quoted));
    }

    /// <summary>field.TooLongMaxLength, used for schema maxLength.</summary>
    public static FieldError TooLong(string field, object? value, long max) =>
        new(FieldErrorTypes.TooLong, field, value, max >= 0 ? $"may not be longer than {max}" : "value is too long");

    /// <summary>field.TooLong, used by built-in validation of byte sizes.</summary>
    public static FieldError TooLongBytes(string field, long max) => new(FieldErrorTypes.TooLong, field, "", $"must have at most {max} bytes");

    public static FieldError TooMany(string field, long actual, long max) =>
        new(FieldErrorTypes.TooMany, field, actual >= 0 ? actual : OmitValue, max >= 0 ? $"must have at most {max} items" : "has too many items");

    public static FieldError Duplicate(string field, object? value) => new(FieldErrorTypes.Duplicate, field, value, "");

    /// <summary>The message without the field path (a Status cause's message).</summary>
    public string Body()
    {
        var text = Type is FieldErrorTypes.Required or FieldErrorTypes.Forbidden or FieldErrorTypes.TooLong or FieldErrorTypes.Internal
            || ReferenceEquals(BadValue, OmitValue)
            ? FieldErrorTypes.Describe(Type)
            : $"{FieldErrorTypes.Describe(Type)}: {GoFormat.Value(BadValue)}";
        return Detail.Length == 0 ? text : $"{text}: {Detail}";
    }

    public override string ToString() => $"{Field}: {Body()}";
}

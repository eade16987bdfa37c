namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>The cause reasons of apimachinery's field.ErrorType and the words each renders as.</summary>
public static class FieldErrorTypes
{
    public const string NotFound = "FieldValueNotFound";
    public const string Required = "FieldValueRequired";
    public const string Duplicate = "FieldValueDuplicate";
    public const string Invalid = "FieldValueInvalid";
    public const string NotSupported = "FieldValueNotSupported";
    public const string Forbidden = "FieldValueForbidden";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string Internal = "InternalError";
    public const string TypeInvalid = "FieldValueTypeInvalid";

    public static string Describe(string type) => type switch
    {
        NotFound => "Not found",
        Required => "Required value",
        Duplicate => "Duplicate value",
        Invalid or TypeInvalid => "Invalid value",
        NotSupported => "Unsupported value",
        Forbidden => "Forbidden",
        TooLong => "Too long",
        TooMany => "Too many",
        Internal => "Internal error",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown field error type"),
    };

    /// <summary>
    /// Errors after which apiextensions-apiserver skips the CEL rules (its strategy's hasBlockingErr): the object is too
    /// malformed for the expressions to be meaningful.
    /// </summary>
    public static bool BlocksCel(string type) => type is NotSupported or Required or TooLong or TooMany or TypeInvalid;
}

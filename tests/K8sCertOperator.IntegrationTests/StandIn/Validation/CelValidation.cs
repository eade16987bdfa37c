using System.Text.Json.Nodes;
using Cel;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// Runs the x-kubernetes-validations rules of every value present, as apiextensions-apiserver's CEL validator does
/// (pkg/apiserver/schema/cel/validation.go, v1.28): null values are not validated, transition rules (those using
/// oldSelf) run only when the old object has a correlated value, and a failed rule is reported at the rule's node
/// as <c>Invalid value: "&lt;schema type&gt;": &lt;message&gt;</c>.
/// </summary>
public static class CelValidation
{
    public static List<FieldError> Validate(JsonObject obj, JsonObject? old, SchemaNode root)
    {
        var errors = new List<FieldError>();
        Walk(obj, old, root, path: "", errors, isRoot: true);
        return errors;
    }

    private static void Walk(JsonNode? value, JsonNode? old, SchemaNode schema, string path, List<FieldError> errors, bool isRoot)
    {
        if (value is null || !schema.HasRulesBelow)
        {
            return;
        }
        if (schema.Rules.Count > 0)
        {
            var self = isRoot ? CelValues.Root((JsonObject)value) : CelValues.From(value);
            var oldSelf = old is null ? null : isRoot ? CelValues.Root((JsonObject)old) : CelValues.From(old);
            foreach (var rule in schema.Rules)
            {
                if (Evaluate(rule, schema, self, oldSelf, old is not null, path.Length == 0 ? "<nil>" : path) is { } error)
                {
                    errors.Add(error);
                }
            }
        }
        switch (value)
        {
            case JsonObject map:
                var oldMap = old as JsonObject;
                foreach (var (key, child) in map)
                {
                    var oldChild = oldMap is not null && oldMap.TryGetPropertyValue(key, out var previous) ? previous : null;
                    if (schema.PropertyIndex.TryGetValue(key, out var property))
                    {
                        Walk(child, oldChild, property, path.Length == 0 ? key : $"{path}.{key}", errors, isRoot: false);
                    }
                    else if (schema.AdditionalProperties is { } values)
                    {
                        Walk(child, oldChild, values, $"{path}[{key}]", errors, isRoot: false);
                    }
                }
                break;
            case JsonArray list when schema.Items is { } items:
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(list[i], Correlate(list[i], old as JsonArray, schema), items, $"{path}[{i}]", errors, isRoot: false);
                }
                break;
        }
    }

    /// <summary>
    /// The old list item an item is compared with: for list-type map the item with the same keys, for list-type set an
    /// equal item; atomic lists have no correlation, so transition rules below them never run.
    /// </summary>
    private static JsonNode? Correlate(JsonNode? item, JsonArray? oldList, SchemaNode listSchema)
    {
        if (oldList is null || item is null)
        {
            return null;
        }
        return listSchema.ListType switch
        {
            "map" => oldList.FirstOrDefault(o => listSchema.ListMapKeys.All(k => JsonNode.DeepEquals(o?[k], item[k]))),
            "set" => oldList.FirstOrDefault(o => JsonNode.DeepEquals(o, item)),
            _ => null,
        };
    }

    private static FieldError? Evaluate(CelRule rule, SchemaNode schema, object? self, object? oldSelf, bool hasOld, string path)
    {
        if (rule.CompileError is { } compileError)
        {
            return FieldError.Invalid(path, schema.Type, $"rule compile error: {compileError}");
        }
        if (rule.Program is null || (rule.UsesOldSelf && !hasOld))
        {
            return null;
        }
        var variables = new Dictionary<string, object?> { ["self"] = self };
        if (hasOld)
        {
            variables["oldSelf"] = oldSelf;
        }
        object? result;
        try
        {
            result = rule.Program.Invoke(variables);
        }
        catch (CelNoSuchOverloadException failure)
        {
            return FieldError.Invalid(path, schema.Type,
                $"'no such overload: {failure.Message}': call arguments did not match a supported operator, function or macro signature for rule: {rule.Description}");
        }
        catch (CelException failure)
        {
            return FieldError.Invalid(path, schema.Type, $"{EvaluationError(failure)} evaluating rule: {rule.Description}");
        }
        if (result is true)
        {
            return null;
        }
        var errorPath = string.IsNullOrEmpty(rule.FieldPath) ? path : $"{(path == "<nil>" ? "" : path)}.{rule.FieldPath.TrimStart('.')}".TrimStart('.');
        var detail = MessageFrom(rule, variables) ?? rule.DefaultMessage;
        return rule.Reason switch
        {
            FieldErrorTypes.Forbidden => FieldError.Forbidden(errorPath, detail),
            FieldErrorTypes.Required => FieldError.Required(errorPath, detail),
            FieldErrorTypes.Duplicate => FieldError.Duplicate(errorPath, schema.Type),
            _ => FieldError.Invalid(errorPath, schema.Type, detail),
        };
    }

    /// <summary>The messageExpression's result when it yields a usable one-line string; otherwise upstream falls back to the message.</summary>
    private static string? MessageFrom(CelRule rule, Dictionary<string, object?> variables)
    {
        if (rule.MessageExpression is null)
        {
            return null;
        }
        try
        {
            return rule.MessageExpression.Invoke(variables) is string text && text.Trim().Length > 0 && !text.Contains('\n', StringComparison.Ordinal)
                ? text.Trim()
                : null;
        }
        catch (CelException)
        {
            return null;
        }
    }

    /// <summary>cel-go's wording for the common runtime errors.</summary>
    private static string EvaluationError(CelException failure) => failure switch
    {
        CelNoSuchFieldException => "no such key: " + QuotedName(failure.Message),
        CelDivideByZeroException => "division by zero",
        CelModulusByZeroException => "modulus by zero",
        CelOverflowException => "integer overflow",
        _ => failure.Message,
    };

    private static string QuotedName(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : message;
    }
}

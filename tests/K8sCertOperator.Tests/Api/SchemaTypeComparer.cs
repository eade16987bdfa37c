using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s.Models;

namespace K8sCertOperator.Tests.Api;

/// <summary>
/// Walks a CRD schema and a C# type side by side and lists every disagreement: property names,
/// requiredness versus nullability, and value types (string/int/bool/array/map/object).
/// </summary>
internal sealed class SchemaTypeComparer
{
    private static readonly HashSet<string> RootEnvelope = ["apiVersion", "kind", "metadata"];
    private readonly NullabilityInfoContext _nullability = new();
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Number of property pairs compared; guards against a walk that silently visits nothing.</summary>
    public int ComparedProperties { get; private set; }

    public static SchemaTypeComparer Run(JsonObject schema, Type type)
    {
        var comparer = new SchemaTypeComparer();
        comparer.CompareObject(schema, type, "", isRoot: true);
        return comparer;
    }

    /// <summary>The JSON name of every serialized property of <paramref name="type"/>.</summary>
    public static IEnumerable<(string JsonName, PropertyInfo Property)> JsonProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            // Extension data holds what the schema does not describe (another API's fields), by definition.
            .Where(p => p.GetCustomAttribute<JsonExtensionDataAttribute>() is null)
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? "<no JsonPropertyName on " + p.Name + ">", p));

    private void CompareObject(JsonObject schema, Type type, string path, bool isRoot = false)
    {
        var schemaProps = schema["properties"] as JsonObject ?? [];
        var required = (schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        var clrProps = JsonProperties(type).ToDictionary(p => p.JsonName, p => p.Property);

        foreach (var name in clrProps.Keys.Except(schemaProps.Select(p => p.Key)))
        {
            _problems.Add($"{path}.{name}: in C# {type.Name} but not in the CRD");
        }

        foreach (var (name, propSchema) in schemaProps)
        {
            if (!clrProps.TryGetValue(name, out var property))
            {
                _problems.Add($"{path}.{name}: in the CRD but not in C# {type.Name}");
                continue;
            }

            ComparedProperties++;
            var childPath = $"{path}.{name}";
            if (!(isRoot && RootEnvelope.Contains(name)))
            {
                CheckNullability(property, required.Contains(name), childPath);
            }

            CompareValue((JsonObject)propSchema!, property.PropertyType, childPath);
        }
    }

    private void CheckNullability(PropertyInfo property, bool required, string path)
    {
        bool nullable;
        if (property.PropertyType.IsValueType)
        {
            nullable = Nullable.GetUnderlyingType(property.PropertyType) != null;
        }
        else
        {
            nullable = _nullability.Create(property).ReadState != NullabilityState.NotNull;
        }

        if (required && nullable)
        {
            _problems.Add($"{path}: required in the CRD but nullable in C#");
        }
        else if (!required && !nullable)
        {
            _problems.Add($"{path}: optional in the CRD but non-nullable in C# (absent would read as a default)");
        }
    }

    private void CompareValue(JsonObject schema, Type type, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var schemaType = schema["type"]?.GetValue<string>();
        var format = schema["format"]?.GetValue<string>();
        if (schemaType == null)
        {
            Expect(schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true, path, "untyped schema without x-kubernetes-preserve-unknown-fields");
            Expect(type == typeof(JsonElement) || type == typeof(JsonNode), path, $"free-form JSON needs JsonElement/JsonNode, C# has {type.Name}");
            return;
        }

        switch (schemaType)
        {
            case "string" when format == "byte":
                Expect(type == typeof(byte[]), path, $"format byte needs byte[], C# has {type.Name}");
                break;
            case "string" when format == "date-time":
                Expect(type == typeof(DateTime) || type == typeof(DateTimeOffset), path, $"date-time needs DateTime, C# has {type.Name}");
                break;
            case "string":
                Expect(type == typeof(string), path, $"string expected, C# has {type.Name}");
                break;
            case "integer":
                var expected = format == "int64" ? typeof(long) : typeof(int);
                Expect(type == expected, path, $"integer ({format ?? "int32"}) needs {expected.Name}, C# has {type.Name}");
                break;
            case "boolean":
                Expect(type == typeof(bool), path, $"boolean expected, C# has {type.Name}");
                break;
            case "array":
                var element = ElementType(type);
                if (Expect(element != null, path, $"array needs a list type, C# has {type.Name}"))
                {
                    CompareValue((JsonObject)schema["items"]!, element!, path + "[]");
                }

                break;
            case "object" when schema["additionalProperties"] is JsonObject valueSchema:
                var isMap = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) &&
                            type.GetGenericArguments()[0] == typeof(string);
                if (Expect(isMap, path, $"map needs Dictionary<string, T>, C# has {type.Name}"))
                {
                    CompareValue(valueSchema, type.GetGenericArguments()[1], path + "{}");
                }

                break;
            case "object" when schema["properties"] == null && path == ".metadata":
                Expect(type == typeof(V1ObjectMeta), path, $"metadata needs V1ObjectMeta, C# has {type.Name}");
                break;
            case "object":
                Expect(type.IsClass && type != typeof(string), path, $"object needs a class, C# has {type.Name}");
                CompareObject(schema, type, path);
                break;
            default:
                _problems.Add($"{path}: unsupported schema type {schemaType}");
                break;
        }
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray && type != typeof(byte[]))
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var def &&
            (def == typeof(List<>) || def == typeof(IList<>) || def == typeof(IReadOnlyList<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return null;
    }

    private bool Expect(bool condition, string path, string problem)
    {
        if (!condition)
        {
            _problems.Add($"{path}: {problem}");
        }

        return condition;
    }
}

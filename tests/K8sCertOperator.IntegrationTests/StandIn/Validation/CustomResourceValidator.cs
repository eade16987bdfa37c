using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// What kube-apiserver does to a custom resource write for one served version of its CRD: prune unknown fields,
/// apply defaults, check the openAPIV3Schema, the list-type invariants and, when none of those blocking errors
/// occurred, the CEL rules. Built once per distinct schema and shared, so requests never compile anything.
/// </summary>
public sealed class CustomResourceValidator
{
    private static readonly ConcurrentDictionary<string, CustomResourceValidator> Compiled = new(StringComparer.Ordinal);

    private CustomResourceValidator(SchemaNode root) => Root = root;

    public SchemaNode Root { get; }

    /// <summary>The validator for a CRD version's <c>schema.openAPIV3Schema</c>, compiled on first sight of that schema text.</summary>
    public static CustomResourceValidator? For(JsonObject? openApiV3Schema) =>
        openApiV3Schema is null ? null : Compiled.GetOrAdd(openApiV3Schema.ToJsonString(), _ => new CustomResourceValidator(SchemaNode.Parse(openApiV3Schema)));

    /// <summary>Prunes and defaults <paramref name="obj"/> in place and returns what the real server would refuse in it.</summary>
    public List<FieldError> Admit(JsonObject obj, JsonObject? old)
    {
        SchemaPruning.PruneObject(obj, Root);
        SchemaDefaulting.Apply(obj, Root);
        var errors = SchemaValidation.Validate(obj, Root, "");
        ListTypeValidation.Validate(obj, Root, "", errors);
        if (!Root.HasRulesBelow)
        {
            return errors;
        }
        if (errors.Any(e => FieldErrorTypes.BlocksCel(e.Type)))
        {
            errors.Add(FieldError.Invalid("<nil>", null,
                "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"));
            return errors;
        }
        errors.AddRange(CelValidation.Validate(obj, old, Root));
        return errors;
    }
}

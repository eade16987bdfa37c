using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.Cli.Manifests;

namespace K8sCertOperator.Policies.Schema;

/// <summary>
/// The openAPIV3Schema of each of the operator's kinds, read from the CRDs of config/crd embedded in the executable,
/// so "what the operator supports" is the schema it installs, not a second list to keep in step.
/// </summary>
public static class OperatorSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> ByKind = new(Load);

    /// <summary>The schema of <paramref name="kind"/> (Certificate, Issuer, ...); null for a kind the operator does not serve.</summary>
    public static JsonObject? For(string kind) => ByKind.Value.GetValueOrDefault(kind);

    private static Dictionary<string, JsonObject> Load()
    {
        var assembly = typeof(OperatorSchemas).Assembly;
        var schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var resource in ApiGroups.All)
        {
            var name = $"crd/{resource.Group}_{resource.Plural}.yaml";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"the executable has no embedded CRD {name}");
            using var reader = new StreamReader(stream);
            var crd = YamlManifest.Documents(reader.ReadToEnd()).Single();
            schemas[resource.Kind] = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
        }
        return schemas;
    }
}

using K8sCertOperator.TestSupport;
using System.Text.Json.Nodes;
using K8sCertOperator.IntegrationTests.Cluster;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>One case of tests/corpus as the integration run needs it: name, expectations, expanded input.</summary>
internal sealed record IntegrationCorpusCase(string Name, JsonObject Expect, JsonObject Input)
{
    public string? Expected(string key) => Expect[key]?.GetValue<string>();

    /// <summary>The CRD schema (structural checks or a CEL rule) refuses this input, so the API server never stores it.</summary>
    public bool SchemaRejects => Expected("schema") == "reject" || Expected("cel") == "reject";

    /// <summary>The field path the refusal is about, as the API names it (".spec.acme: required..." gives "spec.acme").</summary>
    public string SchemaProblemField =>
        ((Expected("schema") == "reject" ? Expected("schemaProblem") : Expected("celProblem")) ?? "").Split(':')[0].Trim().TrimStart('.');

    /// <summary>All cases of tests/corpus/&lt;area&gt; (macros expanded).</summary>
    public static IReadOnlyList<IntegrationCorpusCase> Load(string area) =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "tests", "corpus", area), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(path => ((JsonObject)YamlJson.Load(path)!)["cases"]!.AsArray())
            .Select(item => (JsonObject)item!)
            .Select(entry => new IntegrationCorpusCase(
                entry["name"]!.GetValue<string>(),
                (JsonObject)entry["expect"]!.DeepClone(),
                new JsonObject(entry.Where(kv => kv.Key is not ("name" or "why" or "expect"))
                    .Select(kv => KeyValuePair.Create(kv.Key, CorpusMacros.Expand(kv.Value))))))
            .ToList();

    /// <summary>RFC 7386 merge: null removes, objects merge, anything else replaces.</summary>
    public static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}

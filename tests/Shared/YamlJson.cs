using System.Text.Json.Nodes;
using K8sCertOperator.Cli.Manifests;

namespace K8sCertOperator.TestSupport;

/// <summary>Test shorthands over the operator's own manifest reader (<see cref="YamlManifest"/>).</summary>
internal static class YamlJson
{
    public static JsonNode? Parse(string yaml) => Assert.Single(YamlManifest.Documents(yaml));

    public static JsonNode? Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Every non-empty document of a multi-document manifest, as kubectl reads it.</summary>
    public static IReadOnlyList<JsonObject> ParseAll(string yaml) => YamlManifest.Documents(yaml);

    public static JsonObject ParseOne(string yaml) => Assert.Single(ParseAll(yaml));
}

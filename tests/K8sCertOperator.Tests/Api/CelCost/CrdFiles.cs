using K8sCertOperator.TestSupport;
using System.Text.Json.Nodes;

using K8sCertOperator.TestSupport.CelCost;

namespace K8sCertOperator.Tests.Api.CelCost;

/// <summary>Every CustomResourceDefinition manifest in the repository: config/crd, the chart's copies and any other.</summary>
internal static class CrdFiles
{
    private static readonly HashSet<string> SkippedDirectories = [".git", "bin", "obj", "node_modules"];

    public static IReadOnlyList<string> All { get; } = Find(RepoFiles.Root).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Relative()
    {
        var data = new TheoryData<string>();
        foreach (var path in All)
        {
            data.Add(Path.GetRelativePath(RepoFiles.Root, path));
        }

        return data;
    }

    public static JsonObject Load(string relativePath) => (JsonObject)YamlJson.Load(Path.Combine(RepoFiles.Root, relativePath))!;

    private static IEnumerable<string> Find(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if ((file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal)) &&
                File.ReadAllText(file).Contains("kind: CustomResourceDefinition", StringComparison.Ordinal))
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !SkippedDirectories.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Find(child))
            {
                yield return file;
            }
        }
    }
}

using K8sCertOperator.TestSupport;
using System.Text.Json.Nodes;
using K8sCertOperator.Tests.Api;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>Reads tests/corpus/&lt;area&gt;/*.yaml into <see cref="CorpusCase"/>s.</summary>
internal static class CorpusFiles
{
    public static string Directory => Path.Combine(RepoFiles.Root, "tests", "corpus");

    private static readonly Dictionary<string, IReadOnlyList<CorpusCase>> Cache = [];

    public static IReadOnlyList<CorpusCase> Load(string area)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(area, out var cases))
            {
                cases = System.IO.Directory.GetFiles(Path.Combine(Directory, area), "*.yaml").Order(StringComparer.Ordinal)
                    .SelectMany(ReadFile).ToList();
                Cache[area] = cases;
            }

            return cases;
        }
    }

    /// <summary>Case names of an area, for [MemberData]; the case itself is looked up by name to keep theory data small.</summary>
    public static TheoryData<string> Names(string area)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(area))
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static CorpusCase Get(string area, string name) => Load(area).Single(c => c.Name == name);

    private static IEnumerable<CorpusCase> ReadFile(string path)
    {
        var root = (JsonObject)YamlJson.Load(path)!;
        var file = Path.GetFileName(path);
        foreach (var item in root["cases"]!.AsArray())
        {
            var entry = (JsonObject)item!;
            var name = entry["name"]!.GetValue<string>();
            var input = new JsonObject();
            foreach (var (key, value) in entry)
            {
                if (key is not ("name" or "why" or "expect"))
                {
                    input[key] = CorpusMacros.Expand(value);
                }
            }

            yield return new CorpusCase(file, name, (JsonObject)entry["expect"]!.DeepClone(), input);
        }
    }
}

using K8sCertOperator.TestSupport;
using System.Reflection;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.Tests.Api;

/// <summary>Locates config/crd and config/samples in the source tree and maps CRDs to their C# types.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string CrdDirectory => Path.Combine(Root, "config", "crd");

    public static string SamplesDirectory => Path.Combine(Root, "config", "samples");

    /// <summary>Entity types of the operator assembly, keyed by "group/Kind".</summary>
    public static IReadOnlyDictionary<string, Type> EntityTypes { get; } = typeof(ApiGroups).Assembly.GetTypes()
        .Select(t => (Type: t, Attr: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        // Kinds of other groups the operator only reads (Gateway API) have their CRDs elsewhere.
        .Where(x => x.Attr != null && (x.Attr.Group == ApiGroups.Cert || x.Attr.Group == ApiGroups.Acme))
        .ToDictionary(x => $"{x.Attr!.Group}/{x.Attr.Kind}", x => x.Type);

    public static string CrdPath(ResourceDescriptor resource) =>
        Path.Combine(CrdDirectory, $"{resource.Group}_{resource.Plural}.yaml");

    public static JsonObject LoadCrd(ResourceDescriptor resource) => (JsonObject)YamlJson.Load(CrdPath(resource))!;

    /// <summary>The openAPIV3Schema of the single served version.</summary>
    public static JsonObject Schema(JsonObject crd) =>
        (JsonObject)crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    public static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(SamplesDirectory, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order();

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var resource in ApiGroups.All)
        {
            data.Add(resource.Kind);
        }

        return data;
    }

    public static ResourceDescriptor Resource(string kind) => ApiGroups.All.Single(r => r.Kind == kind);

    /// <summary>Follows a dotted path where "[]" steps into array items, e.g. "spec.usages[]".</summary>
    public static JsonObject SchemaAt(JsonObject root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.EndsWith("[]", StringComparison.Ordinal) ? segment[..^2] : segment;
            node = (JsonObject?)node["properties"]?[name] ?? throw new KeyNotFoundException($"{path}: no property {name}");
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                node = (JsonObject)node["items"]!;
            }
        }

        return node;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "K8sCertOperator.sln")) &&
                Directory.Exists(Path.Combine(dir.FullName, "config", "crd")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (K8sCertOperator.sln with config/crd) not found above " + AppContext.BaseDirectory);
    }
}

using System.Text.Json.Nodes;
using K8sCertOperator.Tests.Api.CelCost;
using K8sCertOperator.TestSupport.CelCost;

namespace K8sCertOperator.Tests.Api.MinimumVersion;

/// <summary>
/// Every CRD copy installs and validates on Kubernetes 1.28: no CRD field, schema keyword, rule field or CEL
/// function newer than that (see <see cref="KubernetesFeatureVersions"/> for where each version comes from).
/// </summary>
public class CrdMinimumKubernetesVersionTests
{
    private static readonly HashSet<string> QualifyingTargets = ["optional", "sets", "strings", "format", "ip"];

    [Theory]
    [MemberData(nameof(CrdFiles.Relative), MemberType = typeof(CrdFiles))]
    public void UsesNothingNewerThanTheMinimumVersion(string file)
    {
        var crd = CrdFiles.Load(file);
        var problems = new List<string>();

        var spec = crd["spec"]!.AsObject();
        Check(spec.Select(p => p.Key), KubernetesFeatureVersions.SpecFields, "spec", problems);
        foreach (var version in spec["versions"]!.AsArray())
        {
            Check(version!.AsObject().Select(p => p.Key), KubernetesFeatureVersions.VersionFields, $"version {version["name"]}", problems);
            if (version["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                CheckSchema(schema, "openAPIV3Schema", problems);
            }
        }

        Assert.True(problems.Count == 0, $"{file} needs a newer Kubernetes than 1.{KubernetesFeatureVersions.MinimumMinor}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("self.a.lowerAscii() == 'x'", 25)]
    [InlineData("quantity(self.q).isGreaterThan(quantity('1Gi'))", 29)]
    [InlineData("sets.contains(self.l, ['a'])", 30)]
    [InlineData("isCIDR(self.c) && cidr(self.c).containsIP(self.i)", 31)]
    [InlineData("format.dns1123Label().validate(self.n).hasValue()", 32)]
    public void KnowsWhenEachLibraryReachedNewCrdRules(string rule, int minor)
    {
        Assert.Equal(minor, FunctionNames(CelExprReader.Parse(rule)).Max(n => KubernetesFeatureVersions.CelFunctions[n]));
    }

    [Fact]
    public void FlagsFieldsNewerThanTheMinimum()
    {
        var problems = new List<string>();
        Check(["name", "selectableFields"], KubernetesFeatureVersions.VersionFields, "version v1", problems);
        CheckSchema((JsonObject)JsonNode.Parse("""
            {"type":"object","x-kubernetes-validations":[{"rule":"self == oldSelf","optionalOldSelf":true},{"rule":"quantity(self.q).isInteger()"}],
             "properties":{"q":{"type":"string"}}}
            """)!, "openAPIV3Schema", problems);

        // selectableFields, optionalOldSelf, quantity() and isInteger()
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("selectableFields", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("optionalOldSelf", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("quantity", StringComparison.Ordinal));
    }

    private static void CheckSchema(JsonObject schema, string path, List<string> problems)
    {
        Check(schema.Select(p => p.Key), KubernetesFeatureVersions.SchemaKeywords, path, problems);
        foreach (var (i, rule) in (schema["x-kubernetes-validations"] as JsonArray ?? []).Index())
        {
            var entry = rule!.AsObject();
            var where = $"{path}.x-kubernetes-validations[{i}]";
            Check(entry.Select(p => p.Key), KubernetesFeatureVersions.ValidationRuleFields, where, problems);
            foreach (var field in new[] { "rule", "messageExpression" })
            {
                if (entry[field]?.GetValue<string>() is { } expression)
                {
                    CheckCel(expression, $"{where}.{field}", problems);
                }
            }
        }

        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            CheckSchema(property!.AsObject(), $"{path}.properties[{name}]", problems);
        }

        foreach (var child in new[] { "items", "additionalProperties", "not" })
        {
            if (schema[child] is JsonObject nested)
            {
                CheckSchema(nested, $"{path}.{child}", problems);
            }
        }
    }

    private static void CheckCel(string expression, string where, List<string> problems)
    {
        CelExpr parsed;
        try
        {
            parsed = CelExprReader.Parse(expression);
        }
        catch (UnsupportedCelConstructException e)
        {
            problems.Add($"{where}: {e.Message} (optional syntax needs 1.29)");
            return;
        }

        Check(FunctionNames(parsed), KubernetesFeatureVersions.CelFunctions, where, problems);
    }

    private static void Check(IEnumerable<string> names, IReadOnlyDictionary<string, int> versions, string where, List<string> problems)
    {
        foreach (var name in names.Distinct())
        {
            if (!versions.TryGetValue(name, out var minor))
            {
                problems.Add($"{where}: '{name}' is not in the version table; find out when Kubernetes added it and record it");
            }
            else if (minor > KubernetesFeatureVersions.MinimumMinor)
            {
                problems.Add($"{where}: '{name}' needs Kubernetes 1.{minor}");
            }
        }
    }

    /// <summary>Function, operator and macro names; a call on a library namespace is qualified ("sets.contains").</summary>
    private static IEnumerable<string> FunctionNames(CelExpr e)
    {
        if (e.Kind == CelExprKind.Call && e.Member && e.Args[0] is { Kind: CelExprKind.Ident } target && QualifyingTargets.Contains(target.Name))
        {
            yield return $"{target.Name}.{e.Name}";
            foreach (var name in e.Args.Skip(1).SelectMany(FunctionNames))
            {
                yield return name;
            }

            yield break;
        }

        if (e.Kind is CelExprKind.Call or CelExprKind.Comprehension)
        {
            yield return e.Name;
        }
        else if (e.Kind == CelExprKind.PresenceTest)
        {
            yield return "has";
        }

        foreach (var name in e.Args.SelectMany(FunctionNames))
        {
            yield return name;
        }
    }
}

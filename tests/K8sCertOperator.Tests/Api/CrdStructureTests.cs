using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.Tests.Api;

/// <summary>Each CRD is a valid, structural apiextensions.k8s.io/v1 object whose names match ApiGroups and the entity attributes.</summary>
public partial class CrdStructureTests
{
    private static readonly HashSet<string> CrdKeys = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly HashSet<string> CrdSpecKeys = ["group", "names", "scope", "versions", "conversion", "preserveUnknownFields"];
    private static readonly HashSet<string> NamesKeys = ["plural", "singular", "kind", "listKind", "shortNames", "categories"];

    private static readonly HashSet<string> VersionKeys =
        ["name", "served", "storage", "schema", "subresources", "additionalPrinterColumns", "deprecated", "deprecationWarning", "selectableFields"];

    [Theory]
    [MemberData(nameof(RepoFiles.Kinds), MemberType = typeof(RepoFiles))]
    public void CrdEnvelopeIsValidAndMatchesApiGroups(string kind)
    {
        var resource = RepoFiles.Resource(kind);
        var crd = RepoFiles.LoadCrd(resource);

        Assert.Equal("apiextensions.k8s.io/v1", crd["apiVersion"]!.GetValue<string>());
        Assert.Equal("CustomResourceDefinition", crd["kind"]!.GetValue<string>());
        Assert.Empty(KeysOf(crd).Except(CrdKeys));
        Assert.Equal(resource.CrdName, crd["metadata"]!["name"]!.GetValue<string>());

        var spec = crd["spec"]!.AsObject();
        Assert.Empty(KeysOf(spec).Except(CrdSpecKeys));
        Assert.Equal(resource.Group, spec["group"]!.GetValue<string>());
        Assert.Equal(resource.Namespaced ? "Namespaced" : "Cluster", spec["scope"]!.GetValue<string>());

        var names = spec["names"]!.AsObject();
        Assert.Empty(KeysOf(names).Except(NamesKeys));
        Assert.Equal(resource.Kind, names["kind"]!.GetValue<string>());
        Assert.Equal(resource.Plural, names["plural"]!.GetValue<string>());
        Assert.Equal(resource.Kind.ToLowerInvariant(), names["singular"]!.GetValue<string>());
        Assert.Equal(resource.Kind + "List", names["listKind"]!.GetValue<string>());

        var version = Assert.Single(spec["versions"]!.AsArray())!.AsObject();
        Assert.Empty(KeysOf(version).Except(VersionKeys));
        Assert.Equal(resource.Version, version["name"]!.GetValue<string>());
        Assert.True(version["served"]!.GetValue<bool>());
        Assert.True(version["storage"]!.GetValue<bool>());
        Assert.NotNull(version["subresources"]?["status"]);
    }

    [Theory]
    [MemberData(nameof(RepoFiles.Kinds), MemberType = typeof(RepoFiles))]
    public void EntityAttributeAndDefaultsMatchTheCrd(string kind)
    {
        var resource = RepoFiles.Resource(kind);
        var type = RepoFiles.EntityTypes[$"{resource.Group}/{resource.Kind}"];
        var attribute = type.GetCustomAttribute<KubernetesEntityAttribute>()!;

        Assert.Equal(resource.Group, attribute.Group);
        Assert.Equal(resource.Version, attribute.ApiVersion);
        Assert.Equal(resource.Kind, attribute.Kind);
        Assert.Equal(resource.Plural, attribute.PluralName);

        var instance = (k8s.IKubernetesObject)Activator.CreateInstance(type)!;
        Assert.Equal(resource.ApiVersion, instance.ApiVersion);
        Assert.Equal(resource.Kind, instance.Kind);
    }

    [Fact]
    public void CertificateHasCertManagerShortNames()
    {
        var names = RepoFiles.LoadCrd(ApiGroups.Certificates)["spec"]!["names"]!["shortNames"]!.AsArray();

        Assert.Equal(["cert", "certs"], names.Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(RepoFiles.Kinds), MemberType = typeof(RepoFiles))]
    public void SchemaIsStructural(string kind)
    {
        var schema = RepoFiles.Schema(RepoFiles.LoadCrd(RepoFiles.Resource(kind)));

        var problems = StructuralSchemaChecker.Check(schema);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], KeysOf(schema["properties"]!.AsObject()).Order());
    }

    [Fact]
    public void StructuralCheckerRejectsUntypedNodesUnknownKeywordsAndBadRules()
    {
        var schema = (JsonObject)JsonNode.Parse("""
            {"type":"object","properties":{
              "metadata":{"type":"object","properties":{"name":{"type":"string"}}},
              "spec":{"type":"object","required":["missing"],
                "x-kubernetes-validations":[{"rule":"has(self.nope)","message":"m"}],
                "properties":{"untyped":{"description":"no type"},"odd":{"type":"string","$ref":"#/x"},
                  "mode":{"type":"string","enum":["A","B"],"default":"C"}}}}}
            """)!;

        var problems = StructuralSchemaChecker.Check(schema);

        Assert.Contains(problems, p => p.StartsWith("metadata:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".spec.untyped: no type", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown schema keyword '$ref'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("required 'missing'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("self.nope", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not in the enum", StringComparison.Ordinal));
    }

    public static TheoryData<string, string[]> ExpectedPrinterColumns() => new()
    {
        { "Certificate", ["Ready", "Secret", "Issuer", "Expires", "Status", "Age"] },
        { "Issuer", ["Ready", "Status", "Age"] },
        { "ClusterIssuer", ["Ready", "Status", "Age"] },
        { "Order", ["State", "Issuer", "Reason", "Age"] },
        { "Challenge", ["State", "Domain", "Reason", "Age"] },
    };

    [Theory]
    [MemberData(nameof(ExpectedPrinterColumns))]
    public void PrinterColumnsPointAtExistingFieldsWithMatchingTypes(string kind, string[] expectedNames)
    {
        var crd = RepoFiles.LoadCrd(RepoFiles.Resource(kind));
        var schema = RepoFiles.Schema(crd);
        var columns = crd["spec"]!["versions"]![0]!["additionalPrinterColumns"]!.AsArray().Select(c => c!.AsObject()).ToList();

        Assert.Equal(expectedNames, columns.Select(c => c["name"]!.GetValue<string>()));
        foreach (var column in columns)
        {
            var name = column["name"]!.GetValue<string>();
            var jsonPath = column["jsonPath"]!.GetValue<string>();
            var type = column["type"]!.GetValue<string>();
            Assert.Contains(type, new[] { "string", "integer", "number", "boolean", "date" });

            if (jsonPath == ".metadata.creationTimestamp")
            {
                Assert.Equal("date", type);
                continue;
            }

            var target = ResolveColumnPath(schema, jsonPath);
            Assert.True(target != null, $"{kind} column {name}: {jsonPath} does not resolve in the schema");
            var targetType = target!["type"]!.GetValue<string>();
            if (type == "date")
            {
                Assert.Equal("date-time", target["format"]?.GetValue<string>());
            }
            else
            {
                Assert.Equal(type, targetType);
            }
        }
    }

    [Theory]
    [InlineData(".spec.secretName", true)]
    [InlineData(".status.conditions[?(@.type == \"Ready\")].status", true)]
    [InlineData(".status.notAfter", true)]
    [InlineData(".spec.secretname", false)]
    [InlineData(".status.conditions.status", false)]
    public void ColumnPathResolverFollowsFiltersAndRejectsUnknownFields(string jsonPath, bool resolves)
    {
        var schema = RepoFiles.Schema(RepoFiles.LoadCrd(ApiGroups.Certificates));

        Assert.Equal(resolves, ResolveColumnPath(schema, jsonPath) != null);
    }

    /// <summary>Resolves the JSONPath subset used by printer columns: .a.b, and [?(...)] / [*] / [n] on arrays.</summary>
    private static JsonObject? ResolveColumnPath(JsonObject schema, string jsonPath)
    {
        JsonObject? node = schema;
        foreach (Match step in PathStep().Matches(jsonPath))
        {
            node = node?["properties"]?[step.Groups["name"].Value] as JsonObject;
            if (step.Groups["index"].Success)
            {
                node = node?["type"]?.GetValue<string>() == "array" ? node["items"] as JsonObject : null;
            }
            else if (node?["type"]?.GetValue<string>() == "array")
            {
                return null;
            }
        }

        return node;
    }

    private static IEnumerable<string> KeysOf(JsonObject obj) => obj.Select(kv => kv.Key);

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)(?<index>\[[^\]]*\])?")]
    private static partial Regex PathStep();
}

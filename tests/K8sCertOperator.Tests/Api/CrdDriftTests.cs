using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Tests.Api;

/// <summary>The CRD YAML and the C# types describe the same fields, requiredness, value types and enum values.</summary>
public class CrdDriftTests
{
    [Theory]
    [MemberData(nameof(RepoFiles.Kinds), MemberType = typeof(RepoFiles))]
    public void SchemaAndTypeHaveTheSameFieldsAtEveryLevel(string kind)
    {
        var resource = RepoFiles.Resource(kind);
        var type = RepoFiles.EntityTypes[$"{resource.Group}/{resource.Kind}"];

        var result = SchemaTypeComparer.Run(RepoFiles.Schema(RepoFiles.LoadCrd(resource)), type);

        Assert.True(result.Problems.Count == 0, $"{kind} drift:\n" + string.Join("\n", result.Problems));
        Assert.True(result.ComparedProperties >= 10, $"only {result.ComparedProperties} properties compared for {kind}");
    }

    [Fact]
    public void EveryEntityTypeHasACrdAndEveryCrdAnEntityType()
    {
        var fromDescriptors = ApiGroups.All.Select(r => $"{r.Group}/{r.Kind}").Order();
        Assert.Equal(fromDescriptors, RepoFiles.EntityTypes.Keys.Order());

        var crdFiles = Directory.GetFiles(RepoFiles.CrdDirectory, "*.yaml")
            .Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order();
        Assert.Equal(ApiGroups.All.Select(r => Path.GetFileName(RepoFiles.CrdPath(r))).Order(), crdFiles);
    }

    [Fact]
    public void ComparerReportsMissingExtraRenamedAndMistypedFields()
    {
        var schema = (JsonObject)JsonNode.Parse("""
            {"type":"object","required":["name"],"properties":{
              "name":{"type":"string"},
              "onlyInCrd":{"type":"string"},
              "count":{"type":"integer"},
              "mustBeRequired":{"type":"string"},
              "nested":{"type":"object","properties":{"deep":{"type":"boolean"}}}}}
            """)!;

        var problems = SchemaTypeComparer.Run(schema, typeof(DriftedExample)).Problems;

        Assert.Contains(problems, p => p.StartsWith(".onlyInCrd: in the CRD but not in C#", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".onlyInCSharp: in C#", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".name: required in the CRD but nullable", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".count: integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".mustBeRequired: optional in the CRD but non-nullable", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".nested.Deep", StringComparison.Ordinal) || p.Contains("nested.deep", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string[]> EnumsBackedByConstants() => new()
    {
        { "Certificate", "spec.usages[]", KeyUsages.All.ToArray() },
        { "Certificate", "spec.privateKey.algorithm", PrivateKeyAlgorithms.All.ToArray() },
        { "Certificate", "spec.privateKey.encoding", PrivateKeyEncodings.All.ToArray() },
        { "Certificate", "spec.privateKey.rotationPolicy", RotationPolicies.All.ToArray() },
        { "Certificate", "spec.revocationPolicy", RevocationPolicies.All.ToArray() },
        { "Certificate", "status.conditions[].status", ConditionStatus.All.ToArray() },
        { "Issuer", "status.conditions[].status", ConditionStatus.All.ToArray() },
        { "Issuer", "spec.acme.solvers[].dns01.cnameStrategy", CnameStrategies.All.ToArray() },
        { "ClusterIssuer", "spec.acme.solvers[].dns01.cnameStrategy", CnameStrategies.All.ToArray() },
        { "Order", "status.state", AcmeStates.All.ToArray() },
        { "Order", "status.authorizations[].initialState", AcmeStates.All.ToArray() },
        { "Order", "spec.issuerRef.kind", [ApiGroups.IssuerKind, ApiGroups.ClusterIssuerKind] },
        { "Challenge", "status.state", AcmeStates.All.ToArray() },
        { "Challenge", "spec.type", ChallengeTypes.All.ToArray() },
        { "Challenge", "spec.solver.dns01.cnameStrategy", CnameStrategies.All.ToArray() },
    };

    [Theory]
    [MemberData(nameof(EnumsBackedByConstants))]
    public void CrdEnumsEqualTheCSharpConstants(string kind, string path, string[] constants)
    {
        var schema = RepoFiles.SchemaAt(RepoFiles.Schema(RepoFiles.LoadCrd(RepoFiles.Resource(kind))), path);

        var values = schema["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

        Assert.Equal(constants, values);
    }

    [Theory]
    [InlineData("Certificate", "spec.privateKey.rotationPolicy", RotationPolicies.Default)]
    [InlineData("Certificate", "spec.revocationPolicy", RevocationPolicies.Default)]
    [InlineData("Certificate", "spec.issuerRef.kind", ApiGroups.IssuerKind)]
    [InlineData("Certificate", "spec.issuerRef.group", ApiGroups.Cert)]
    [InlineData("Challenge", "spec.issuerRef.group", ApiGroups.Cert)]
    public void CrdDefaultsEqualTheCSharpDefaults(string kind, string path, string expected)
    {
        var schema = RepoFiles.SchemaAt(RepoFiles.Schema(RepoFiles.LoadCrd(RepoFiles.Resource(kind))), path);

        Assert.Equal(expected, schema["default"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Certificate", "spec.duration")]
    [InlineData("Certificate", "spec.renewBefore")]
    [InlineData("Order", "spec.duration")]
    public void DurationFieldsUseTheGoDurationPattern(string kind, string path)
    {
        var schema = RepoFiles.SchemaAt(RepoFiles.Schema(RepoFiles.LoadCrd(RepoFiles.Resource(kind))), path);

        Assert.Equal(GoDuration.Pattern, schema["pattern"]!.GetValue<string>());
    }

    [Fact]
    public void PrivateKeySizeRulesListTheSizesTheConstantsAllow()
    {
        var privateKey = RepoFiles.SchemaAt(RepoFiles.Schema(RepoFiles.LoadCrd(ApiGroups.Certificates)), "spec.privateKey");
        var rules = privateKey["x-kubernetes-validations"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ToList();

        Assert.Contains(rules, r => r.Contains("'RSA'", StringComparison.Ordinal) &&
                                    r.Contains("[" + string.Join(", ", PrivateKeyAlgorithms.RsaSizes) + "]", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.Contains("'ECDSA'", StringComparison.Ordinal) &&
                                    r.Contains("[" + string.Join(", ", PrivateKeyAlgorithms.EcdsaSizes) + "]", StringComparison.Ordinal));
    }

    private sealed class DriftedExample
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("count")]
        public string? Count { get; set; }

        [JsonPropertyName("mustBeRequired")]
        public string MustBeRequired { get; set; } = "";

        [JsonPropertyName("onlyInCSharp")]
        public string? OnlyInCSharp { get; set; }

        [JsonPropertyName("nested")]
        public DriftedNested? Nested { get; set; }
    }

    private sealed class DriftedNested
    {
        [JsonPropertyName("Deep")]
        public bool? Deep { get; set; }
    }
}

using K8sCertOperator.Kube.Client;
using K8sCertOperator.TestSupport;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using K8sCertOperator.Api;

namespace K8sCertOperator.Tests.Api;

/// <summary>Every file in config/samples is valid against its CRD and reads into the C# type without losing fields.</summary>
public class SampleTests
{
    // Strict: a sample field the C# type does not know about fails instead of being dropped.
    private static readonly JsonSerializerOptions Strict = new(KubeJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepoFiles.SampleFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void SamplesCoverEveryIssuerFlavourAndACertificate()
    {
        var kinds = RepoFiles.SampleFiles().Select(f => Load(Path.GetFileName(f)))
            .Select(s => (Kind: s["kind"]!.GetValue<string>(), Spec: s["spec"]!.AsObject())).ToList();

        Assert.Contains(kinds, k => k.Kind == "ClusterIssuer" && k.Spec["acme"]?["solvers"]?[0]?["http01"] != null);
        Assert.Contains(kinds, k => k.Kind == "Issuer" && k.Spec["acme"]?["solvers"]?[0]?["dns01"]?["rfc2136"] != null);
        Assert.Contains(kinds, k => k.Kind == "Issuer" && k.Spec["selfSigned"] != null);
        Assert.Contains(kinds, k => k.Kind == "Issuer" && k.Spec["ca"] != null);
        Assert.Contains(kinds, k => k.Kind == "Certificate");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleValidatesAgainstItsCrd(string file)
    {
        var sample = Load(file);
        var resource = ResourceOf(sample);

        var problems = SchemaInstanceValidator.Validate(RepoFiles.Schema(RepoFiles.LoadCrd(resource)), sample);

        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
        Assert.Equal(resource.Namespaced, sample["metadata"]?["namespace"] != null);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SampleDeserializesIntoItsTypeAndSerializesBackUnchanged(string file)
    {
        var sample = Load(file);
        var resource = ResourceOf(sample);
        var type = RepoFiles.EntityTypes[$"{resource.Group}/{resource.Kind}"];

        var typed = sample.Deserialize(type, Strict);
        var back = JsonSerializer.SerializeToNode(typed, type, KubeJson.Options);

        Assert.True(JsonNode.DeepEquals(sample, back), $"{file} changed on a round trip:\n{sample.ToJsonString()}\n{back?.ToJsonString()}");
    }

    [Fact]
    public void CertificateSampleReadsTheExpectedValues()
    {
        var certificate = Load("certificate.yaml").Deserialize<Certificate>(Strict)!;

        Assert.Equal("example-com-tls", certificate.Spec.SecretName);
        Assert.Equal("letsencrypt-staging", certificate.Spec.IssuerRef.Name);
        Assert.True(certificate.Spec.IssuerRef.IsClusterIssuer);
        Assert.Equal(["example.com", "www.example.com"], certificate.Spec.DnsNames!);
        Assert.Equal(TimeSpan.FromDays(90), GoDuration.Parse(certificate.Spec.Duration!));
        Assert.Equal(TimeSpan.FromDays(15), GoDuration.Parse(certificate.Spec.RenewBefore!));
        Assert.Equal(PrivateKeyAlgorithms.Ecdsa, certificate.Spec.PrivateKey!.EffectiveAlgorithm);
        Assert.Equal(256, certificate.Spec.PrivateKey.Size);
        Assert.Contains(KeyUsages.ServerAuth, certificate.Spec.Usages!);
    }

    [Fact]
    public void Rfc2136IssuerSampleReadsTheExpectedValues()
    {
        var issuer = Load("issuer-dns01-rfc2136.yaml").Deserialize<Issuer>(Strict)!;

        var solver = Assert.Single(issuer.Spec.Acme!.Solvers!);
        Assert.Equal(["example.com"], solver.Selector!.DnsZones!);
        Assert.Equal("192.0.2.53:53", solver.Dns01!.Rfc2136!.Nameserver);
        Assert.Equal("tsig-secret-key", solver.Dns01.Rfc2136.TsigSecretSecretRef!.Key);
        Assert.Equal(K8sCertOperator.Api.Acme.CnameStrategies.Follow, solver.Dns01.CnameStrategy);
    }

    [Fact]
    public void ValidatorRejectsWhatTheApiServerWould()
    {
        var schema = RepoFiles.Schema(RepoFiles.LoadCrd(ApiGroups.Certificates));
        var bad = YamlJson.Parse("""
            apiVersion: k8scert.io/v1
            kind: Certificate
            metadata: {name: x}
            spec:
              issuerRef: {name: i, group: Not/A.Group}
              dnsNames: [a.example]
              duration: 90d
              renewBeforePercentage: 100
              usages: [server-auth]
              secretname: typo
            """)!;

        var problems = SchemaInstanceValidator.Validate(schema, bad);

        Assert.Contains(problems, p => p.Contains("required field 'secretName'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".spec.issuerRef.group:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".spec.duration:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".spec.renewBeforePercentage:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".spec.usages[0]:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(".spec.secretname: unknown field", StringComparison.Ordinal));
    }

    private static JsonObject Load(string file) =>
        (JsonObject)YamlJson.Load(Path.Combine(RepoFiles.SamplesDirectory, file))!;

    private static ResourceDescriptor ResourceOf(JsonObject sample) => ApiGroups.All.Single(r =>
        r.ApiVersion == sample["apiVersion"]!.GetValue<string>() && r.Kind == sample["kind"]!.GetValue<string>());
}

using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.Cli.Manifests;
using K8sCertOperator.Cli.Migration;
using K8sCertOperator.Tests.Api;

namespace K8sCertOperator.Tests.Cli.Migration;

/// <summary>`convert` on the repository's samples: lossless round trips, and cert-manager YAML our CRDs accept.</summary>
public sealed class SampleConversionTests
{
    public static TheoryData<string> CertManagerCertificates() => new() { "certificate-cert-manager-intermediate.yaml", "certificate-cert-manager-client.yaml" };

    [Theory]
    [MemberData(nameof(SampleTests.Samples), MemberType = typeof(SampleTests))]
    public void SampleRoundTripsThroughCertManager(string file)
    {
        var sample = Load(file);

        var certManager = ManifestConverter.Convert(sample, ManifestApi.CertManager);
        var back = ManifestConverter.Convert(certManager, ManifestApi.K8sCert);

        Assert.Contains("cert-manager.io/", certManager["apiVersion"]!.GetValue<string>(), StringComparison.Ordinal);
        // Our API accepts both cert-manager.io and k8scert.io in issuerRef.group (they name the same issuers); the
        // k8scert side spells it k8scert.io, so only that value may differ from a sample written with cert-manager's.
        Assert.True(JsonNode.DeepEquals(WithOurIssuerGroup(sample), back), $"{file}:\n{sample.ToJsonString()}\n{back.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(certManager, ManifestConverter.Convert(back, ManifestApi.CertManager)), $"{file}: the cert-manager side changed on a second trip");
    }

    [Theory]
    [MemberData(nameof(CertManagerCertificates))]
    public void CertManagerCertificateWithEveryFieldConvertsToOneOurCrdAccepts(string file)
    {
        // The parity samples are cert-manager v1.21 YAML with only the apiVersion changed; between them they use
        // every Certificate field (CertManagerParityTests checks both facts).
        var certManager = Load(file);
        certManager["apiVersion"] = ApiGroups.CertManager + "/v1";

        var ours = ManifestConverter.Convert(certManager, ManifestApi.K8sCert);

        Assert.Equal(ApiGroups.CertApiVersion, ours["apiVersion"]!.GetValue<string>());
        Assert.Equal(ApiGroups.Cert, ours["spec"]!["issuerRef"]!["group"]!.GetValue<string>());
        var problems = SchemaInstanceValidator.Validate(RepoFiles.Schema(RepoFiles.LoadCrd(ApiGroups.Certificates)), ours);
        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
        Assert.True(JsonNode.DeepEquals(certManager, ManifestConverter.Convert(ours, ManifestApi.CertManager)), $"{file} did not round-trip");
    }

    [Fact]
    public void AllSamplesInOneStreamKeepTheirOrder()
    {
        var files = RepoFiles.SampleFiles().ToList();
        var stream = string.Join("---\n", files.Select(File.ReadAllText));

        var documents = YamlManifest.Documents(stream).Select(d => ManifestConverter.Convert(d, ManifestApi.CertManager)).ToList();

        Assert.Equal(files.Count, documents.Count);
        Assert.Equal(files.Select(f => Load(Path.GetFileName(f))["metadata"]!["name"]!.GetValue<string>()), documents.Select(d => d["metadata"]!["name"]!.GetValue<string>()));
    }

    private static JsonObject WithOurIssuerGroup(JsonObject sample)
    {
        var copy = sample.DeepClone().AsObject();
        if (copy["spec"]?["issuerRef"] is JsonObject issuerRef && issuerRef["group"]?.GetValue<string>() == ApiGroups.CertManager)
        {
            issuerRef["group"] = ApiGroups.Cert;
        }
        return copy;
    }

    private static JsonObject Load(string file) =>
        YamlManifest.Documents(File.ReadAllText(Path.Combine(RepoFiles.SamplesDirectory, file))).Single();
}

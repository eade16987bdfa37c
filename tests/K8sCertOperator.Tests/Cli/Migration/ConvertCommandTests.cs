using System.Text.Json.Nodes;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Manifests;
using K8sCertOperator.Cli.Migration;
using K8sCertOperator.Cli.Ops;

namespace K8sCertOperator.Tests.Cli.Migration;

public sealed class ConvertCommandTests
{
    private const string Stream = """
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: le
        spec:
          selfSigned: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web
          annotations:
            cert-manager.io/cluster-issuer: le
        spec:
          rules: []
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: web
        spec:
          secretName: "007"
          issuerRef:
            name: le
            kind: ClusterIssuer
            group: cert-manager.io
        """;

    [Fact]
    public async Task YamlKeepsTheDocumentsInOrderAndReadsBackToTheConvertedObjects()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await ConvertCommand.RunAsync(Stream, ManifestApi.K8sCert, OutputFormats.Yaml, stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, exit);
        var written = YamlManifest.Documents(stdout.ToString());
        var expected = YamlManifest.Documents(Stream).Select(d => ManifestConverter.Convert(d, ManifestApi.K8sCert)).ToList();
        Assert.Equal(3, written.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(expected[i], written[i]), written[i].ToJsonString());
        }
        Assert.Equal(["ClusterIssuer", "Ingress", "Certificate"], written.Select(d => d["kind"]!.GetValue<string>()));
        Assert.Equal("le", written[1]["metadata"]!["annotations"]!["k8scert.io/cluster-issuer"]!.GetValue<string>());
        // A quoted number stays a string.
        Assert.Equal("007", written[2]["spec"]!["secretName"]!.GetValue<string>());
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task JsonWritesAListForSeveralDocumentsAndTheObjectForOne()
    {
        using var several = new StringWriter();
        using var one = new StringWriter();
        using var stderr = new StringWriter();

        await ConvertCommand.RunAsync(Stream, ManifestApi.K8sCert, OutputFormats.Json, several, stderr, CancellationToken.None);
        await ConvertCommand.RunAsync("apiVersion: k8scert.io/v1\nkind: Issuer\n", ManifestApi.CertManager, OutputFormats.Json, one, stderr, CancellationToken.None);

        var list = JsonNode.Parse(several.ToString())!;
        Assert.Equal("List", list["kind"]!.GetValue<string>());
        Assert.Equal(["k8scert.io/v1", "networking.k8s.io/v1", "k8scert.io/v1"], list["items"]!.AsArray().Select(i => i!["apiVersion"]!.GetValue<string>()));
        Assert.Equal("cert-manager.io/v1", JsonNode.Parse(one.ToString())!["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task TextThatIsNotYamlIsAUsageError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await ConvertCommand.RunAsync("kind: [unclosed", ManifestApi.K8sCert, OutputFormats.Yaml, stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("error: not a YAML manifest", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Theory]
    [InlineData("convert --to k8scert -f x.yaml", 0)]
    [InlineData("convert --to cert-manager -o json", 0)]
    [InlineData("convert --to vault", 1)]
    [InlineData("convert -f x.yaml", 1)]
    [InlineData("convert --to k8scert -o table", 1)]
    [InlineData("check migration -A -o json", 0)]
    [InlineData("check migration -n team-a", 0)]
    public void ParsesTheCommandLine(string line, int errors) =>
        Assert.Equal(errors, K8sCertOperator.Cli.CommandLine.Build().Parse(line.Split(' ')).Errors.Count);
}

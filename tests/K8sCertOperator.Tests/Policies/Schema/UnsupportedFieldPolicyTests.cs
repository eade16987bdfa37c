using System.Text.Json.Nodes;
using K8sCertOperator.Policies.Schema;

namespace K8sCertOperator.Tests.Policies.Schema;

/// <summary>Which cert-manager specs the controllers refuse in cert-manager mode, with which Ready reason and paths.</summary>
public sealed class UnsupportedFieldPolicyTests
{
    private const string UnsupportedIssuer = UnsupportedFieldPolicy.UnsupportedIssuer;
    private const string UnsupportedField = UnsupportedFieldPolicy.UnsupportedField;
    private const string Acme = "\"server\":\"https://acme.example/dir\",\"privateKeySecretRef\":{\"name\":\"k\"}";

    public static TheoryData<string, string, string, string?, string[]> Cases() => new()
    {
        // Nothing the operator lacks, or only what it accepts and ignores (its own Warning names those).
        { "ca issuer", "Issuer", """{"ca":{"secretName":"ca"}}""", null, [] },
        { "acme issuer, ingress solver", "Issuer", WithAcme(""","solvers":[{"http01":{"ingress":{"ingressClassName":"nginx"}}}]"""), null, [] },
        { "ingress podTemplate is ignored", "Issuer", WithAcme(""","solvers":[{"http01":{"ingress":{"podTemplate":{"spec":{}}}}}]"""), null, [] },
        { "gateway serviceType is ignored", "ClusterIssuer", WithAcme(""","solvers":[{"http01":{"gatewayHTTPRoute":{"parentRefs":[{"name":"gw"}],"serviceType":"NodePort"}}}]"""), null, [] },
        { "a switch we lack, left off", "Issuer", WithAcme(""","enableDurationFeature":false"""), null, [] },
        { "certificate", "Certificate", """{"secretName":"s","dnsNames":["a.example"],"issuerRef":{"name":"ca"},"renewBeforePercentage":50}""", null, [] },
        // Issuer types the operator lacks.
        { "vault", "Issuer", """{"vault":{"server":"https://vault","path":"pki/sign/x"}}""", UnsupportedIssuer, ["spec.vault"] },
        { "venafi cluster issuer", "ClusterIssuer", """{"venafi":{"zone":"z"}}""", UnsupportedIssuer, ["spec.venafi"] },
        { "vault beside a type we have", "Issuer", """{"selfSigned":{},"vault":{"server":"s"}}""", UnsupportedIssuer, ["spec.vault"] },
        // Fields and values the operator lacks.
        { "DNS provider outside the registry", "Issuer", WithAcme(""","solvers":[{"dns01":{"azureDNS":{"subscriptionID":"s"}}}]"""), UnsupportedField, ["spec.acme.solvers[0].dns01.azureDNS"] },
        { "a switch we lack, turned on", "Issuer", WithAcme(""","enableDurationFeature":true"""), UnsupportedField, ["spec.acme.enableDurationFeature"] },
        { "ingress name", "Issuer", WithAcme(""","solvers":[{"http01":{"ingress":{"name":"web"}}}]"""), UnsupportedField, ["spec.acme.solvers[0].http01.ingress.name"] },
        { "certificate value out of our range", "Certificate", """{"secretName":"s","issuerRef":{"name":"ca"},"renewBeforePercentage":100}""", UnsupportedField, ["spec.renewBeforePercentage"] },
        { "certificate with two", "Certificate", """{"secretName":"s","issuerRef":{"name":"ca"},"revisionHistoryLimit":0,"otherNames":[{"oid":"x","utf8Value":"v"}]}""", UnsupportedField, ["spec.revisionHistoryLimit", "spec.otherNames[0].oid"] },
    };

    private static string WithAcme(string rest) => "{\"acme\":{" + Acme + rest + "}}";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string why, string kind, string spec, string? reason, string[] paths)
    {
        var verdict = UnsupportedFieldPolicy.Evaluate(kind, JsonNode.Parse(spec));

        Assert.True(reason == verdict?.Reason, $"{why}: {verdict?.Reason} {verdict?.Message}");
        Assert.Equal(paths, verdict?.Paths ?? []);
        foreach (var path in paths)
        {
            Assert.Contains(path + ": ", verdict!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnsupportedIssuerTypeSaysWhatToDo()
    {
        var verdict = UnsupportedFieldPolicy.Evaluate("Issuer", JsonNode.Parse("""{"vault":{}}"""));

        Assert.Equal("spec.vault: issuer type vault is not supported by k8s-cert-operator (it has: acme, ca, selfSigned); "
            + "leave its Certificates to cert-manager or move them to a supported issuer", verdict?.Message);
    }

    [Fact]
    public void AFieldSaysTheObjectIsNotActedOn()
    {
        var verdict = UnsupportedFieldPolicy.Evaluate("Certificate", JsonNode.Parse("""{"secretName":"s","issuerRef":{"name":"ca"},"renewBeforePercentage":100}"""));

        Assert.Equal("spec.renewBeforePercentage: 100 is above this operator's maximum 99; the Certificate is not acted on until the spec no longer uses them", verdict?.Message);
    }

    [Fact]
    public void ManyGapsAreCountedNotAllSpelledOut()
    {
        var others = string.Join(",", Enumerable.Range(0, UnsupportedFieldPolicy.MaxNamed + 2).Select(_ => """{"oid":"x","utf8Value":"v"}"""));
        var verdict = UnsupportedFieldPolicy.Evaluate("Certificate", JsonNode.Parse($$"""{"secretName":"s","issuerRef":{"name":"ca"},"otherNames":[{{others}}]}"""));

        Assert.Equal(UnsupportedFieldPolicy.MaxNamed + 2, verdict?.Paths.Count);
        Assert.Contains("; and 2 more; ", verdict!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"spec.otherNames[{UnsupportedFieldPolicy.MaxNamed}]", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ingress", """{"rules":[]}""")]
    [InlineData("Certificate", null)]
    public void KindsAndSpecsOutsideOurSchemaHaveNoVerdict(string kind, string? spec) =>
        Assert.Null(UnsupportedFieldPolicy.Evaluate(kind, spec is null ? null : JsonNode.Parse(spec)));
}

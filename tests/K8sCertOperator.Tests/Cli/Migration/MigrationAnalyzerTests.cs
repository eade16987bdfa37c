using System.Text.Json.Nodes;
using K8sCertOperator.Cli.Migration;
using K8sCertOperator.Policies.Schema;

namespace K8sCertOperator.Tests.Cli.Migration;

/// <summary>`check migration`'s analysis: cert-manager objects in, findings (kind, field, severity) out.</summary>
public sealed class MigrationAnalyzerTests
{
    private const string Acme = """{"server":"https://acme.example/dir","privateKeySecretRef":{"name":"k"},"solvers":[SOLVER]}""";

    public static TheoryData<string, string, string[]> Cases() => new()
    {
        // Supported objects: nothing to report.
        { "ca issuer", Issuer("""{"ca":{"secretName":"ca"}}"""), [] },
        { "selfSigned issuer", Issuer("""{"selfSigned":{}}"""), [] },
        { "http01 ingress solver", Issuer(AcmeWith("""{"http01":{"ingress":{"ingressClassName":"nginx","serviceType":"ClusterIP"}}}""")), [] },
        { "every supported dns01 provider", Issuer(AcmeWith("""{"dns01":{"rfc2136":{"nameserver":"10.0.0.1:53"}}},{"dns01":{"cloudflare":{"apiTokenSecretRef":{"name":"t","key":"k"}}}},{"dns01":{"route53":{"region":"eu-west-1"}}},{"dns01":{"webhook":{"groupName":"acme.example.com","solverName":"x"}}}""")), [] },
        { "certificate", Cert("""{"secretName":"s","dnsNames":["a.example"],"issuerRef":{"name":"ca"},"renewBeforePercentage":50}"""), [] },
        // Issuer types and providers this operator lacks, named by what they are.
        { "vault issuer", Issuer("""{"vault":{"server":"https://vault","path":"pki/sign/x","auth":{}}}"""), ["Issuer spec.vault Unsupported issuer type vault"] },
        { "venafi cluster issuer", ClusterIssuer("""{"venafi":{"zone":"z"}}"""), ["ClusterIssuer spec.venafi Unsupported issuer type venafi"] },
        { "azureDNS provider", Issuer(AcmeWith("""{"dns01":{"azureDNS":{"subscriptionID":"s"}}}""")), ["Issuer spec.acme.solvers[0].dns01.azureDNS Unsupported DNS-01 provider azureDNS is not supported by k8s-cert-operator (it has: cloudflare, rfc2136, route53, webhook)"] },
        { "route53 auth", Issuer(AcmeWith("""{"dns01":{"route53":{"region":"r","auth":{}}}}""")), ["Issuer spec.acme.solvers[0].dns01.route53.auth Unsupported field auth"] },
        { "ingress name, and podTemplate ignored", Issuer(AcmeWith("""{"http01":{"ingress":{"name":"web","podTemplate":{}}}}""")),
          ["Issuer spec.acme.solvers[0].http01.ingress.name Unsupported field name", "Issuer spec.acme.solvers[0].http01.ingress.podTemplate Ignored Accepted for cert-manager compatibility"] },
        { "a switch we lack, left off", Issuer("""{"acme":{"server":"https://acme.example/dir","privateKeySecretRef":{"name":"k"},"enableDurationFeature":false}}"""),
          ["Issuer spec.acme.enableDurationFeature Ignored field enableDurationFeature is not supported by k8s-cert-operator; it is false (its default)"] },
        { "a switch we lack, turned on", Issuer("""{"acme":{"server":"https://acme.example/dir","privateKeySecretRef":{"name":"k"},"enableDurationFeature":true}}"""),
          ["Issuer spec.acme.enableDurationFeature Unsupported field enableDurationFeature is not supported"] },
        { "gateway serviceType ignored", Issuer(AcmeWith("""{"http01":{"gatewayHTTPRoute":{"parentRefs":[{"name":"gw"}],"serviceType":"ClusterIP"}}}""")),
          ["Issuer spec.acme.solvers[0].http01.gatewayHTTPRoute.serviceType Ignored Accepted for cert-manager compatibility"] },
        { "solver option", Issuer(AcmeWith("""{"waitInsteadOfSelfCheck":"1m","http01":{"ingress":{}}}""")), ["Issuer spec.acme.solvers[0].waitInsteadOfSelfCheck Unsupported field waitInsteadOfSelfCheck is not supported by k8s-cert-operator (it has: dns01, dnsPersist01, http01, selector)"] },
        // Our schema bounds values cert-manager's leaves open.
        { "enum value", Issuer(AcmeWith("""{"http01":{"ingress":{"serviceType":"LoadBalancer"}}}""")), ["Issuer spec.acme.solvers[0].http01.ingress.serviceType Unsupported value \"LoadBalancer\""] },
        { "common name too long", Cert($$$"""{"secretName":"s","commonName":"{{{new string('a', 65)}}}","issuerRef":{"name":"ca"}}"""), ["Certificate spec.commonName Unsupported 65 characters"] },
        { "percentage range", Cert("""{"secretName":"s","renewBeforePercentage":100,"issuerRef":{"name":"ca"}}"""), ["Certificate spec.renewBeforePercentage Unsupported 100 is above"] },
        { "too many usages", Cert($$$"""{"secretName":"s","usages":[{{{string.Join(",", Enumerable.Repeat("\"server auth\"", 33))}}}],"issuerRef":{"name":"ca"}}"""), ["Certificate spec.usages Unsupported 33 items"] },
        // A Certificate of an unsupported issuer is listed with it; one of a supported or an external issuer is not.
        { "certificate of a vault issuer", Both(Issuer("""{"vault":{}}"""), Cert("""{"secretName":"s","issuerRef":{"name":"i","kind":"Issuer","group":"cert-manager.io"}}""")),
          ["Issuer spec.vault Unsupported issuer type vault", "Certificate spec.issuerRef Unsupported issued by Issuer i, whose issuer type vault"] },
        { "certificate of an external issuer", Both(Issuer("""{"vault":{}}"""), Cert("""{"secretName":"s","issuerRef":{"name":"i","kind":"Issuer","group":"awspca.cert-manager.io"}}""")),
          ["Issuer spec.vault Unsupported issuer type vault"] },
        // Orders and Challenges in flight, and ones that are done.
        { "certificate before its issuer", Both(Cert("""{"secretName":"s","issuerRef":{"name":"i"}}"""), Issuer("""{"vault":{}}""")),
          ["Certificate spec.issuerRef Unsupported issued by Issuer i", "Issuer spec.vault Unsupported issuer type vault"] },
        { "pending order", """[{"kind":"Order","metadata":{"name":"o","namespace":"ns"},"spec":{"request":"LS0t","issuerRef":{"name":"le"},"dnsNames":["a.example"]},"status":{"state":"pending"}}]""",
          ["Order status.state InFlight still in progress (state pending)"] },
        { "new challenge", """[{"kind":"Challenge","metadata":{"name":"c","namespace":"ns"},"spec":{"type":"DNS-01","solver":{"dns01":{"digitalocean":{}}}}}]""",
          ["Challenge spec.solver.dns01.digitalocean InFlight DNS-01 provider digitalocean", "Challenge status.state InFlight still in progress (state none yet)"] },
        { "valid order", """[{"kind":"Order","metadata":{"name":"o","namespace":"ns"},"spec":{"request":"LS0t","issuerRef":{"name":"le"},"replaces":"x.y"},"status":{"state":"valid"}}]""", [] },
        { "invalid challenge", """[{"kind":"Challenge","metadata":{"name":"c","namespace":"ns"},"spec":{"type":"DNS-01","solver":{"dns01":{"akamai":{}}}},"status":{"state":"invalid"}}]""", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds(string name, string objects, string[] expected)
    {
        var findings = MigrationAnalyzer.Analyze(JsonNode.Parse(objects)!.AsArray().Select(o => o!.AsObject()));

        var actual = findings.Select(f => $"{f.Kind} {f.Path} {f.Severity} {f.Message}").ToList();
        Assert.True(expected.Length == actual.Count, $"{name}:\n" + string.Join("\n", actual));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.StartsWith(expected[i], actual[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnsupportedIssuerTypeNamesTheTypesThisOperatorHas()
    {
        var finding = Assert.Single(MigrationAnalyzer.Analyze([JsonNode.Parse(Issuer("""{"vault":{}}"""))![0]!.AsObject()]));

        Assert.Equal("issuer type vault is not supported by k8s-cert-operator (it has: acme, ca, selfSigned)", finding.Message);
        Assert.Equal(("ns", "i", true), (finding.Namespace, finding.Name, finding.Blocks));
    }

    private static string Both(string first, string second) => first[..^1] + "," + second[1..];

    private static string AcmeWith(string solvers) => "{\"acme\":" + Acme.Replace("SOLVER", solvers, StringComparison.Ordinal) + "}";

    private static string Issuer(string spec) => $$"""[{"apiVersion":"cert-manager.io/v1","kind":"Issuer","metadata":{"name":"i","namespace":"ns"},"spec":{{spec}}}]""";

    private static string ClusterIssuer(string spec) => $$"""[{"apiVersion":"cert-manager.io/v1","kind":"ClusterIssuer","metadata":{"name":"ci"},"spec":{{spec}}}]""";

    private static string Cert(string spec) => $$"""[{"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"c","namespace":"ns"},"spec":{{spec}}}]""";
}

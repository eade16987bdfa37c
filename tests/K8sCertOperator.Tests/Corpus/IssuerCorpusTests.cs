using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Tests.Api;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>
/// Every Issuer in tests/corpus/issuers against the CRD schema and the I/O-free issuer rules; the network
/// cases ($server(...)) run against real local servers in the integration corpus test.
/// </summary>
public class IssuerCorpusTests
{
    private const string Area = "issuers";

    public static TheoryData<string> Cases() => CorpusFiles.Names(Area);

    [Theory]
    [MemberData(nameof(Cases))]
    public void SchemaOutcomeIsAsExpected(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        var schema = RepoFiles.Schema(RepoFiles.LoadCrd(ApiGroups.Issuers));

        var problems = SchemaInstanceValidator.Validate(schema, Manifest(c));

        CorpusAssert.Outcome(c, "schema", problems);
        if (c.Expected("schemaProblem") is { } prefix)
        {
            Assert.True(problems.Any(p => p.StartsWith(prefix, StringComparison.Ordinal)),
                $"{c}: no schema problem starts with '{prefix}': {string.Join("; ", problems)}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PureRulesOutcomeIsAsExpected(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        if (c.Expected("pure") is null)
        {
            return; // Only the schema has something to say (e.g. caBundle that is not base64 cannot be read at all).
        }

        var issuer = Manifest(c).Deserialize<Issuer>(KubeJson.Options)!;
        var problems = new List<string>();
        var type = IssuerReadinessRules.Classify(issuer.Spec);
        if (IssuerReadinessRules.Immediate(type) is { IsReady: false } immediate)
        {
            problems.Add(immediate.Message);
            Assert.Equal(c.Expected("reason"), immediate.Reason);
        }
        else if (type == IssuerType.Acme && IssuerReadinessRules.ParseServerUrl(issuer.Spec.Acme!.Server, out var error) is null)
        {
            problems.Add(error!);
        }

        CorpusAssert.Outcome(c, "pure", problems);
    }

    /// <summary>The manifest, with every $server(...) replaced by a placeholder URL that is valid but never contacted.</summary>
    private static JsonObject Manifest(CorpusCase c)
    {
        var spec = JsonNode.Parse(Regex.Replace(c.Input["spec"]!.ToJsonString(), @"\$server\(([a-z0-9-]+)\)", "https://$1.acme.invalid/dir"))!;
        return new JsonObject
        {
            ["apiVersion"] = "k8scert.io/v1",
            ["kind"] = "Issuer",
            ["metadata"] = new JsonObject { ["name"] = "corpus", ["namespace"] = "corpus" },
            ["spec"] = spec,
        };
    }
}

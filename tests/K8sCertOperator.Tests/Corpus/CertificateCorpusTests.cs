using System.Text.Json;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Api;
using K8sCertOperator.Policies;
using K8sCertOperator.Tests.Api;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>
/// Every Certificate in tests/corpus/certificates against the CRD schema and the spec validator the controller
/// runs first: the outcome must be the one the case states, and validation must never throw.
/// </summary>
public class CertificateCorpusTests
{
    private const string Area = "certificates";

    public static TheoryData<string> Cases() => CorpusFiles.Names(Area);

    [Theory]
    [MemberData(nameof(Cases))]
    public void SchemaOutcomeIsAsExpected(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        var schema = RepoFiles.Schema(RepoFiles.LoadCrd(ApiGroups.Certificates));

        var problems = SchemaInstanceValidator.Validate(schema, CertificateManifests.Build(c));

        CorpusAssert.Outcome(c, "schema", problems);
        if (c.Expected("schemaProblem") is { } prefix)
        {
            Assert.True(problems.Any(p => p.StartsWith(prefix, StringComparison.Ordinal)),
                $"{c}: no schema problem starts with '{prefix}': {string.Join("; ", problems)}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValidatorOutcomeIsAsExpected(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        if (c.Expected("validator") is null)
        {
            // Wrong JSON types (a number for a string): the typed client cannot even read these.
            Assert.ThrowsAny<JsonException>(() => CertificateManifests.Build(c).Deserialize<Certificate>(KubeJson.Options));
            return;
        }

        var certificate = CertificateManifests.Build(c).Deserialize<Certificate>(KubeJson.Options)!;
        var errors = CertificateSpecValidator.Validate(certificate.Spec);

        CorpusAssert.Outcome(c, "validator", errors);
        if (c.Expected("error") is { } fragment)
        {
            Assert.True(errors.Any(e => e.Contains(fragment, StringComparison.Ordinal)), $"{c}: no error contains '{fragment}': {string.Join("; ", errors)}");
        }

        // The joined message lands in a status condition and an Event: it must stay readable.
        Assert.True(string.Join("; ", errors).Length < 2048, $"{c}: validation message is {string.Join("; ", errors).Length} characters");
    }
}

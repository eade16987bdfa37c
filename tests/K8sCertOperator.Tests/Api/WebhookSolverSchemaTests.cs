using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Api;

/// <summary>
/// The webhook solver's groupName and solverName become segments of a request path sent with the operator's own
/// credentials, so the schema admits only a DNS subdomain and a DNS label there (issue 17, item 6).
/// </summary>
public class WebhookSolverSchemaTests
{
    private const string PathInjection = "x/../../api/v1/namespaces/kube-system/secrets?dryRun=All#";

    public static TheoryData<string, string> WebhookSchemas() => new()
    {
        { "Issuer", "spec.acme.solvers[].dns01.webhook" },
        { "ClusterIssuer", "spec.acme.solvers[].dns01.webhook" },
        { "Challenge", "spec.solver.dns01.webhook" },
    };

    [Theory]
    [MemberData(nameof(WebhookSchemas))]
    public void RefusesAPathInGroupNameOrSolverName(string kind, string path)
    {
        var webhook = WebhookSchema(kind, path);

        Assert.NotEmpty(SchemaInstanceValidator.Validate(webhook, Webhook(PathInjection, "mydns")));
        Assert.NotEmpty(SchemaInstanceValidator.Validate(webhook, Webhook("acme.example.com", PathInjection)));
    }

    [Theory]
    [MemberData(nameof(WebhookSchemas))]
    public void AcceptsADnsSubdomainAndADnsLabel(string kind, string path)
    {
        var webhook = WebhookSchema(kind, path);

        Assert.Empty(SchemaInstanceValidator.Validate(webhook, Webhook("acme.example.com", "mydns")));
        Assert.Empty(SchemaInstanceValidator.Validate(webhook, Webhook("g", "s")));
        Assert.Empty(SchemaInstanceValidator.Validate(webhook, Webhook(string.Join('.', Enumerable.Repeat(new string('a', 63), 4)).Substring(0, 253), new string('b', 63))));
    }

    [Theory]
    [InlineData("Acme.example.com", "mydns")]
    [InlineData("acme..example.com", "mydns")]
    [InlineData("-acme.example.com", "mydns")]
    [InlineData("acme.example.com.", "mydns")]
    [InlineData("acme.example.com", "my.dns")]
    [InlineData("acme.example.com", "my_dns")]
    [InlineData("acme.example.com", "mydns-")]
    [InlineData("acme/example", "mydns")]
    public void RefusesWhatIsNotADnsSubdomainOrLabel(string groupName, string solverName)
    {
        var webhook = WebhookSchema("Issuer", "spec.acme.solvers[].dns01.webhook");

        Assert.NotEmpty(SchemaInstanceValidator.Validate(webhook, Webhook(groupName, solverName)));
    }

    [Fact]
    public void RefusesNamesOverTheDnsLengthLimits()
    {
        var webhook = WebhookSchema("Issuer", "spec.acme.solvers[].dns01.webhook");

        Assert.NotEmpty(SchemaInstanceValidator.Validate(webhook, Webhook(new string('a', 254), "s")));
        Assert.NotEmpty(SchemaInstanceValidator.Validate(webhook, Webhook("g", new string('b', 64))));
    }

    private static JsonObject WebhookSchema(string kind, string path) =>
        RepoFiles.SchemaAt(RepoFiles.Schema(RepoFiles.LoadCrd(RepoFiles.Resource(kind))), path);

    private static JsonObject Webhook(string groupName, string solverName) =>
        new() { ["groupName"] = groupName, ["solverName"] = solverName };
}

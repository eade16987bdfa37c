using System.Text.Json.Nodes;
using K8sCertOperator.Cli.Migration;
using K8sCertOperator.Policies.Schema;

namespace K8sCertOperator.Tests.Cli.Migration;

public sealed class MigrationReportTests
{
    private static readonly MigrationFinding[] Findings =
    [
        new("Issuer", "team-a", "vault", "spec.vault", FindingSeverity.Unsupported, "issuer type vault is not supported"),
        new("ClusterIssuer", null, "le", "spec.acme.solvers[0].http01.gatewayHTTPRoute.podTemplate", FindingSeverity.Ignored, "ignored"),
    ];

    [Fact]
    public void TableAlignsColumnsAndEndsWithTheVerdict()
    {
        var lines = MigrationReport.Table(Findings, 7).TrimEnd('\n').Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("KIND", lines[0], StringComparison.Ordinal);
        // Every row starts its FIELD column at the same place.
        var fieldColumn = lines[0].IndexOf("FIELD", StringComparison.Ordinal);
        Assert.Equal("spec.vault", lines[1][fieldColumn..].Split(' ')[0]);
        Assert.Equal("spec.acme.solvers[0].http01.gatewayHTTPRoute.podTemplate", lines[2][fieldColumn..].Split(' ')[0]);
        Assert.Contains("team-a/vault", lines[1], StringComparison.Ordinal);
        Assert.Equal("7 cert-manager objects checked: 1 unsupported fields in 1 objects block the switch", lines[3]);
    }

    [Fact]
    public void NothingFoundIsOneLine()
    {
        Assert.Equal("3 cert-manager objects checked: nothing blocks the switch (0 notes)\n", MigrationReport.Table([], 3));
    }

    [Fact]
    public void JsonCountsBlockingFindingsAndKeepsClusterScopedNamespacesNull()
    {
        var json = MigrationReport.Json(Findings, 7, ["orders.acme.cert-manager.io"]);

        Assert.Equal(1, json["blocking"]!.GetValue<int>());
        Assert.Equal(7, json["objectsChecked"]!.GetValue<int>());
        Assert.Equal("orders.acme.cert-manager.io", json["notServed"]![0]!.GetValue<string>());
        var second = json["findings"]![1]!;
        Assert.Null(second["namespace"]);
        Assert.Equal("Ignored", second["severity"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json.ToJsonString()), json));
    }
}

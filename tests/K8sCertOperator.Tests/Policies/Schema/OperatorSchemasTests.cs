using System.Text.Json.Nodes;
using K8sCertOperator.Policies.Schema;
using K8sCertOperator.Tests.Api;

namespace K8sCertOperator.Tests.Policies.Schema;

public sealed class OperatorSchemasTests
{
    [Theory]
    [MemberData(nameof(RepoFiles.Kinds), MemberType = typeof(RepoFiles))]
    public void TheEmbeddedSchemaIsTheOneInConfigCrd(string kind)
    {
        var embedded = OperatorSchemas.For(kind);

        Assert.NotNull(embedded);
        Assert.True(JsonNode.DeepEquals(RepoFiles.Schema(RepoFiles.LoadCrd(RepoFiles.Resource(kind))), embedded), kind);
    }

    [Fact]
    public void KindsOfOtherApisHaveNone() => Assert.Null(OperatorSchemas.For("Ingress"));
}

using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Tests.Api;

/// <summary>Small decision helpers that sit next to the API constants.</summary>
public class ConstantsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("k8scert.io", true)]
    [InlineData("cert-manager.io", true)]
    [InlineData("awspca.cert-manager.io", false)]
    [InlineData("K8SCERT.IO", false)]
    public void IsIssuerGroup(string? group, bool expected)
    {
        Assert.Equal(expected, ApiGroups.IsIssuerGroup(group));
    }

    [Theory]
    [InlineData("valid", true, false)]
    [InlineData("invalid", true, true)]
    [InlineData("expired", true, true)]
    [InlineData("errored", true, true)]
    [InlineData("pending", false, false)]
    [InlineData("ready", false, false)]
    [InlineData("processing", false, false)]
    [InlineData(null, false, false)]
    public void AcmeStateFinality(string? state, bool final, bool failure)
    {
        Assert.Equal(final, AcmeStates.IsFinal(state));
        Assert.Equal(failure, AcmeStates.IsFailure(state));
    }

    [Theory]
    [InlineData("http-01", "HTTP-01")]
    [InlineData("dns-01", "DNS-01")]
    [InlineData("tls-alpn-01", null)]
    [InlineData("HTTP-01", null)]
    public void ChallengeTypeFromAcmeWireType(string wire, string? expected)
    {
        Assert.Equal(expected, ChallengeTypes.FromAcme(wire));
    }

    [Fact]
    public void WellKnownKeysUseOurGroups()
    {
        var keys = typeof(AnnotationKeys).GetFields().Concat(typeof(LabelKeys).GetFields())
            .Where(f => f.IsLiteral && f.Name != nameof(LabelKeys.ManagedByValue))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Matches(@"^([a-z0-9.-]+/)?[a-z0-9-]+$", k));
        Assert.Contains("k8scert.io/certificate-name", keys);
        Assert.Contains("k8scert.io/cluster-issuer", keys);
        Assert.Contains("k8scert.io/managed-by", keys);
    }
}

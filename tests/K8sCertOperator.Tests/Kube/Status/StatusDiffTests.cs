using K8sCertOperator.Kube.Status;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.Status;

public class StatusDiffTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "{}", false)]
    [InlineData("{}", null, false)]
    [InlineData(null, """{"phase":"Ready"}""", true)]
    [InlineData("""{"phase":"Ready"}""", null, true)]
    [InlineData("""{"phase":"Ready"}""", """{"phase":"Ready"}""", false)]
    [InlineData("""{"phase":"Ready","n":1}""", """{"n":1,"phase":"Ready"}""", false)]
    [InlineData("""{"phase":"Ready"}""", """{"phase":"Issuing"}""", true)]
    [InlineData("""{"c":[{"type":"Ready"}]}""", """{"c":[{"type":"Ready","status":"True"}]}""", true)]
    [InlineData("""{"c":["a","b"]}""", """{"c":["b","a"]}""", true)]
    [InlineData("""{"n":1}""", """{"n":1.0}""", false)]
    public void StatusJsonComparison(string? before, string? after, bool changed) =>
        Assert.Equal(changed, StatusDiff.HasChanged(before, after));

    [Fact]
    public void ObjectsWithEqualStatusAreUnchangedEvenIfSpecDiffers()
    {
        var a = TestWidget.Create("ns", "w", size: "s");
        var b = TestWidget.Create("ns", "w", size: "xl");
        a.Status = new WidgetStatus { Phase = "Ready" };
        b.Status = new WidgetStatus { Phase = "Ready" };
        Assert.False(StatusDiff.HasChanged(a, b));

        b.Status.Notes = ["renewed"];
        Assert.True(StatusDiff.HasChanged(a, b));
    }

    [Fact]
    public void TheOperatorsOwnKindsCompareTheirStatusOnly()
    {
        var a = new K8sCertOperator.Api.CertificateRequest
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "r", NamespaceProperty = "ns" },
            Spec = new K8sCertOperator.Api.CertificateRequestSpec { Request = [1, 2, 3] },
        };
        var b = K8sCertOperator.Kube.Client.KubeJson.Clone(a);
        b.Spec.Request = [4, 5, 6];
        Assert.False(StatusDiff.HasChanged(a, b));

        b.Status = new K8sCertOperator.Api.CertificateRequestStatus();
        Assert.False(StatusDiff.HasChanged(a, b));

        b.Status.Certificate = [7];
        Assert.True(StatusDiff.HasChanged(a, b));
    }
}

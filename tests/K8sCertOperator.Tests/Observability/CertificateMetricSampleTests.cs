using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Observability;

namespace K8sCertOperator.Tests.Observability;

public sealed class CertificateMetricSampleTests
{
    [Theory]
    [InlineData(null, null, "Issuer", "k8scert.io", "Unknown")]
    [InlineData("ClusterIssuer", "cert-manager.io", "ClusterIssuer", "cert-manager.io", "True")]
    [InlineData("Issuer", "", "Issuer", "k8scert.io", "False")]
    public void LabelsApplyIssuerDefaultsAndReadyValue(string? kind, string? group, string expectedKind, string expectedGroup, string ready)
    {
        var certificate = new Certificate
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps" },
            Spec = new CertificateSpec { IssuerRef = new ObjectReference { Name = "le", Kind = kind, Group = group } },
            Status = ready == "Unknown" ? null : new CertificateStatus
            {
                Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ready, Reason = "x" }],
            },
        };

        var sample = CertificateMetricSample.From(certificate);

        Assert.Equal(["web", "apps", "le", expectedKind, expectedGroup], sample.Labels);
        Assert.Equal(ready, sample.ReadyCondition);
        Assert.Null(sample.ExpirationSeconds);
    }

    [Fact]
    public void TimestampsAreUnixSecondsOfTheUtcStatusTimes()
    {
        var certificate = new Certificate
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps" },
            Spec = new CertificateSpec { IssuerRef = new ObjectReference { Name = "le" } },
            Status = new CertificateStatus
            {
                NotBefore = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                NotAfter = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Unspecified),
                RenewalTime = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc),
            },
        };

        var sample = CertificateMetricSample.From(certificate);

        Assert.Equal(1767225600, sample.NotBeforeSeconds);
        Assert.Equal(1775001600, sample.ExpirationSeconds);
        Assert.Equal(1772409600, sample.RenewalSeconds);
    }
}

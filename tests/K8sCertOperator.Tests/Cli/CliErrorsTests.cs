using System.Net;
using K8sCertOperator.Cli;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Tests.Cli;

/// <summary>API failures reach a CLI user as one line with the server's reason, not as a crash with a stack.</summary>
public sealed class CliErrorsTests
{
    [Fact]
    public void KubernetesApiErrorsAreReportedOnOneLine()
    {
        var e = KubeApiErrors.FromStatus(HttpStatusCode.Forbidden, null);
        Assert.True(CliErrors.IsReportable(e, CancellationToken.None));
        Assert.Equal("Kubernetes API returned 403", CliErrors.Describe(e));
    }
}

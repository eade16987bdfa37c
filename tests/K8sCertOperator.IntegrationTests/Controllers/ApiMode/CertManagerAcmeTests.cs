using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// ACME in cert-manager mode, the whole production line-up against Pebble: the Order and Challenges are
/// acme.cert-manager.io objects, the Challenge carries cert-manager's finalizer while it lives, and the Certificate and
/// its Secret end up as in the CA tests.
/// </summary>
public sealed class CertManagerAcmeTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Http01IssuesThroughCertManagerOrdersAndChallenges()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await CertManagerModeHost.AcmeHarnessAsync(output, ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("web", "pebble", ["web.example.com"], ct, spec => spec.IssuerRef.Group = ApiGroups.CertManager);
        var cm = new CertManagerObjects(h.Env.Client, h.Namespace);

        await cm.WaitConditionAsync("certificates", "web", ConditionTypes.Ready, ct);

        await h.AssertSecretServesAsync("web-tls", ["web.example.com"], ct);
        var order = Assert.Single(await cm.ListAsync(CertManagerObjects.AcmeGroup, "orders", ct));
        Assert.Equal("acme.cert-manager.io/v1", (string?)order["apiVersion"]);
        Assert.Equal("valid", (string?)order["status"]?["state"]);
        Assert.Contains(order["metadata"]!["ownerReferences"]!.AsArray(), o => (string?)o!["apiVersion"] == "cert-manager.io/v1" && (string?)o["kind"] == "CertificateRequest");
        // Finished Challenges are deleted; the deletion completes only once the Challenge controller has cleared its
        // finalizer, written and read under cert-manager's name (acme.cert-manager.io/finalizer).
        await WaitNoChallengesAsync(cm, ct);
        var request = Assert.Single(await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct));
        Assert.True(CertManagerObjects.IsTrue(request, ConditionTypes.Ready), request.ToJsonString());
        var raw = await new K8sCertOperator.Controllers.OperatorApis(h.Env.Client).Secrets.GetAsync(h.Namespace, "web-tls", ct);
        Assert.Equal("web", raw!.Metadata.Annotations["cert-manager.io/certificate-name"]);
        Assert.Equal("pebble", raw.Metadata.Annotations["cert-manager.io/issuer-name"]);
    }

    private static async Task WaitNoChallengesAsync(CertManagerObjects cm, CancellationToken ct)
    {
        while ((await cm.ListAsync(CertManagerObjects.AcmeGroup, "challenges", ct)).Count > 0)
        {
            await Task.Delay(100, ct);
        }
    }
}

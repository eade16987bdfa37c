using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Policies;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>Certificates that cannot be issued: invalid spec, missing issuer, two Certificates for one Secret.</summary>
public class CertificateFailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task InvalidSpecAndMissingIssuerAreReportedWithoutLooping()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", new IssuerSpec { SelfSigned = new SelfSignedIssuer() }, ct);

        var invalid = NewCertificate(h.Namespace, "bad", "bad-tls", "self", "a.example");
        invalid.Spec.Duration = "10m";
        await h.Apis.Certificates.CreateAsync(invalid, ct);
        var bad = await h.WaitForCertificateAsync("bad", c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.False, PolicyReasons.InvalidSpec), "InvalidSpec", ct);
        Assert.Contains("duration", ConditionSet.Find(bad.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Contains(await h.EventsAsync(ct), e => e.Reason == PolicyReasons.InvalidSpec && e.Type == "Warning");

        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "orphan", "orphan-tls", "nobody", "a.example"), ct);
        await h.WaitForCertificateAsync("orphan", c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.False, ConditionReasons.IssuerNotFound), "IssuerNotFound", ct);

        // Neither creates a Secret, and neither keeps being reconciled.
        var before = h.Reconciler.ReconcileCount;
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.InRange(h.Reconciler.ReconcileCount - before, 0, 4);
        Assert.Null(await h.Apis.Secrets.GetAsync(h.Namespace, "bad-tls", ct));
        Assert.Null(await h.Apis.Secrets.GetAsync(h.Namespace, "orphan-tls", ct));

        // Creating the issuer (Ready) lets the waiting Certificate through.
        await h.CreateReadyIssuerAsync("nobody", new IssuerSpec { SelfSigned = new SelfSignedIssuer() }, ct);
        await h.WaitForReadyRevisionAsync("orphan", 1, ct);
    }

    [Fact]
    public async Task IssuerNotReadyKeepsIssuingPending()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.Apis.Issuers.CreateAsync(new Issuer { Metadata = new() { Name = "self", NamespaceProperty = h.Namespace }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } }, ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example"), ct);
        await h.WaitForCertificateAsync("web", c => HasCondition(c, ConditionTypes.Issuing, ConditionStatus.True, ConditionReasons.IssuerNotReady), "IssuerNotReady", ct);
        Assert.Null(await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct));

        // The issuer turning Ready re-enqueues the waiting Certificate through the issuerRef index.
        var issuer = (await h.Apis.Issuers.GetAsync(h.Namespace, "self", ct))!;
        issuer.Status = new IssuerStatus { Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.True, Reason = "Test", LastTransitionTime = DateTime.UtcNow }] };
        await h.Apis.Issuers.ReplaceStatusAsync(issuer, ct);
        await h.WaitForReadyRevisionAsync("web", 1, ct);
    }

    [Fact]
    public async Task ClusterIssuerIsFoundFromAnyNamespace()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        var name = "self-" + h.Namespace;
        var issuer = await h.Apis.ClusterIssuers.CreateAsync(new ClusterIssuer { Metadata = new() { Name = name }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } }, ct);
        try
        {
            issuer.Status = new IssuerStatus { Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.True, Reason = "Test", LastTransitionTime = DateTime.UtcNow }] };
            await h.Apis.ClusterIssuers.ReplaceStatusAsync(issuer, ct);
            var certificate = NewCertificate(h.Namespace, "web", "web-tls", name, "a.example");
            certificate.Spec.IssuerRef = new ObjectReference { Name = name, Kind = ApiGroups.ClusterIssuerKind, Group = ApiGroups.CertManager };
            await h.Apis.Certificates.CreateAsync(certificate, ct);
            await h.WaitForReadyRevisionAsync("web", 1, ct);
            var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct);
            Assert.Equal(ApiGroups.ClusterIssuerKind, secret!.Metadata.Annotations[AnnotationKeys.IssuerKind]);
            Assert.Equal(ApiGroups.CertManager, secret.Metadata.Annotations[AnnotationKeys.IssuerGroup]);
        }
        finally
        {
            // Cluster-scoped: on a real cluster it outlives the test namespace.
            await h.Apis.ClusterIssuers.DeleteAsync(null, name, CancellationToken.None);
        }
    }

    [Fact]
    public async Task DuplicateSecretNameLeavesTheNewerCertificateInConflict()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", new IssuerSpec { SelfSigned = new SelfSignedIssuer() }, ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "first", "shared-tls", "self", "first.example"), ct);
        await h.WaitForReadyRevisionAsync("first", 1, ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "second", "shared-tls", "self", "second.example"), ct);

        var second = await h.WaitForCertificateAsync("second", c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.False, CertificateReasons.SecretConflict), "SecretConflict", ct);
        Assert.Contains("\"first\"", ConditionSet.Find(second.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);

        // No fight over the Secret: it stays first's, and reconciles stop.
        var before = h.Reconciler.ReconcileCount;
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.InRange(h.Reconciler.ReconcileCount - before, 0, 4);
        SecretAssert.ValidTls(await h.Apis.Secrets.GetAsync(h.Namespace, "shared-tls", ct), "first", "first.example");
        var first = await h.Apis.Certificates.GetAsync(h.Namespace, "first", ct);
        Assert.Equal(1, first!.Status!.Revision);

        // Deleting the winner hands the Secret over.
        await h.Apis.Certificates.DeleteAsync(h.Namespace, "first", ct);
        await h.WaitForReadyRevisionAsync("second", 1, ct);
        SecretAssert.ValidTls(await h.Apis.Secrets.GetAsync(h.Namespace, "shared-tls", ct), "second", "second.example");
    }
}

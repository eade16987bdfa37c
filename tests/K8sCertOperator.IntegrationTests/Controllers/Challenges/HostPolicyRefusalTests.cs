using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>
/// A namespace whose host policy refuses a name gets no certificate for it: the solver Ingress is created in the
/// Certificate's namespace, so the refusal reaches the Challenge, the Order and the Certificate as a reason and an
/// Event. Runs unchanged on the stand-in (fault hooks) and a real cluster (ValidatingAdmissionPolicy).
/// </summary>
public sealed class HostPolicyRefusalTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task A_namespace_whose_host_policy_refuses_the_name_gets_no_certificate_for_it()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        // The operator in a namespace of its own, as deployed: the policy binds only the Certificate's namespace.
        await using var separate = await SeparateOperatorHarness.StartAsync(output, Http01SolverNamespace.Certificate, ct);
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);
        var missing = await HostPolicy.MissingReasonAsync(h.Env, ct);
        Skip.If(missing is not null, missing);
        var name = K8sCertOperator.IntegrationTests.Acme.TestCsr.UniqueName("refused");
        await using var policy = await HostPolicy.RefuseAsync(h.Env, h.Namespace, name, ct);
        await separate.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);

        await h.CreateCertificateAsync("web", "pebble", [name], ct);

        // The Certificate's issuance fails with the policy's refusal as its reason...
        var failed = await h.WaitForAsync(
            c => h.Apis.Certificates.GetAsync(h.Namespace, "web", c),
            c => ConditionSet.Find(c.Status?.Conditions, ConditionTypes.Issuing) is { Status: ConditionStatus.False } issuing
                 && issuing.Message?.Contains(policy.DenialFragment, StringComparison.Ordinal) == true,
            Patience, "Certificate web failed with the host policy's refusal", ct);
        Assert.False(ConditionSet.IsTrue(failed.Status!.Conditions, ConditionTypes.Ready));
        var issuing = ConditionSet.Find(failed.Status.Conditions, ConditionTypes.Issuing)!;
        Assert.Equal(ConditionReasons.Failed, issuing.Reason);
        Assert.Contains("refused the HTTP-01 Ingress", issuing.Message, StringComparison.Ordinal);
        Assert.Contains(name, issuing.Message, StringComparison.Ordinal);
        Assert.True(failed.Status.FailedIssuanceAttempts >= 1);

        // ...so does the Order, and an Event on the Certificate says why.
        var orders = await h.Apis.Orders.ListAsync(h.Namespace, null, ct);
        Assert.Contains(orders.Items, o => o.Status?.State == AcmeStates.Errored && o.Status.Reason?.Contains(policy.DenialFragment, StringComparison.Ordinal) == true);
        var events = await h.WaitForAsync(
            async c => (await CoreResourceApis.Events(h.Env.Client).ListAsync(h.Namespace, null, c)).Items
                .Where(e => e.InvolvedObject.Kind == ApiGroups.CertificateKind && e.InvolvedObject.Name == "web" && e.Type == "Warning"
                            && e.Message?.Contains(policy.DenialFragment, StringComparison.Ordinal) == true)
                .ToList(),
            e => e.Count > 0, Patience, "Warning Event on Certificate web with the refusal", ct);
        Assert.Contains(events, e => e.Message.Contains(name, StringComparison.Ordinal));

        // No certificate for the name, no route for it, and the backend Service made before the refusal is gone.
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct);
        Assert.True(secret?.Data is null || !secret.Data.ContainsKey("tls.crt"), "the refused name got a certificate");
        Assert.Empty(separate.Ingresses);
        Assert.Empty((await h.Apis.Ingresses.ListAsync(operatorNamespace, null, ct)).Items);
        await h.WaitForAsync(
            async c => (await h.Apis.Services.ListAsync(h.Namespace, ChallengeSolverMetadata.LabelSelectorForAll(), c)).Items.Count == 0 ? "gone" : null,
            _ => true, Patience, "solver Service deleted after the refusal", ct);
    }
}

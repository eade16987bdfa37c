using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Controllers.Issuers;
using K8sCertOperator.Kube.Client;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Orders;

/// <summary>An Issuer's own ACME server must not choose the host the operator claims.</summary>
public sealed class ForeignAuthorizationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task An_order_whose_authorization_names_another_host_is_refused_before_any_challenge()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: false);
        Skip.If(missing != null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var acme = await ForeignAuthorizationAcmeServer.StartAsync("victim.example.net", ct);
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: false, ct);
        await harness.Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = AcmeControllerHarness.IssuerName, NamespaceProperty = harness.Namespace },
            Spec = new AcmeIssuerBuilder(acme.DirectoryUrl).KeySecret("hostile-account").Solvers(AcmeControllerHarness.Http01Solver()).Build(),
        }, ct);
        await harness.StartOperatorAsync(orders: true, challenges: true, ct);

        await harness.CreateOrderAsync("hostile", ["mine.example.com"], ct);
        var order = await harness.WaitForOrderAsync("hostile", o => AcmeStates.IsFinal(o.Status?.State), ct);

        Assert.Equal(AcmeStates.Errored, order.Status!.State);
        Assert.Contains("'victim.example.net'", order.Status.Reason, StringComparison.Ordinal);
        Assert.Contains("did not request", order.Status.Reason, StringComparison.Ordinal);
        Assert.Empty((await harness.Apis.Challenges.ListAsync(harness.Namespace, null, ct)).Items);
        Assert.Empty((await harness.Apis.Ingresses.ListAsync(harness.Namespace, null, ct)).Items);
        Assert.Equal(0, acme.ChallengeAnswers);
        // The Event follows the status the wait above observed.
        await OrderControllerHttp01Tests.Eventually(async () =>
            (await CoreResourceApis.Events(harness.Env.Client).ListAsync(harness.Namespace, null, ct)).Items.Any(e =>
                e.InvolvedObject.Kind == ApiGroups.OrderKind && e.InvolvedObject.Name == "hostile"
                && e.Type == "Warning" && e.Message.Contains("victim.example.net", StringComparison.Ordinal)), ct);
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Orders;

/// <summary>Order + Challenge controllers against the stand-in API server and a real Pebble, solving HTTP-01 with the operator's responder.</summary>
public sealed class OrderControllerHttp01Tests(ITestOutputHelper output)
{
    private static CancellationTokenSource Timeout() => new(TimeSpan.FromMinutes(3));

    [SkippableFact]
    public async Task Http01_order_becomes_valid_with_a_certificate_and_the_solver_ingress_comes_and_goes()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: false);
        Skip.If(missing != null, missing);
        using var cts = Timeout();
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: false, cts.Token);
        await harness.CreateIssuerAsync([AcmeControllerHarness.Http01Solver()], cts.Token);
        await harness.StartOperatorAsync(orders: true, challenges: true, cts.Token);
        var seenIngresses = new ConcurrentQueue<V1Ingress>();
        harness.Host!.Context.Informers.ChallengeIngresses.OnAdd += seenIngresses.Enqueue;
        var name = TestCsr.UniqueName("http");
        // The Certificate the Order's label names: it receives the meaningful Events too.
        await harness.Apis.Certificates.CreateAsync(new K8sCertOperator.Api.Certificate
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = harness.Namespace },
            Spec = new K8sCertOperator.Api.CertificateSpec { SecretName = "web-tls", DnsNames = [name], IssuerRef = new K8sCertOperator.Api.ObjectReference { Name = AcmeControllerHarness.IssuerName } },
        }, cts.Token);
        await Eventually(() => Task.FromResult(harness.Host.Context.Informers.Certificates.List().Count == 1), cts.Token);

        await harness.CreateOrderAsync("web-1", [name], cts.Token);
        var order = await harness.WaitForOrderAsync("web-1", o => AcmeStates.IsFinal(o.Status?.State), cts.Token);

        Assert.True(order.Status!.State == AcmeStates.Valid, $"state {order.Status.State}: {order.Status.Reason}");
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(System.Text.Encoding.UTF8.GetString(order.Status.Certificate!));
        Assert.Equal([name], ChainAssert.SubjectAlternativeNames(chain[0]));
        Assert.StartsWith(harness.Pebble.DirectoryUrl.GetLeftPart(UriPartial.Authority), order.Status.Url, StringComparison.Ordinal);
        var authz = Assert.Single(order.Status.Authorizations!);
        Assert.Equal(name, authz.Identifier);

        // The solver Ingress existed while the challenge was presented, routing the token path to the responder Service.
        var ingress = Assert.Single(seenIngresses);
        Assert.Equal(harness.Namespace, ingress.Metadata.NamespaceProperty);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal(name, rule.Host);
        Assert.StartsWith(Http01Responder.PathPrefix, Assert.Single(rule.Http.Paths).Path, StringComparison.Ordinal);

        // Once final: Ingress gone, Challenge deleted (finalizer released after clean-up), token no longer served.
        await Eventually(async () => (await harness.Apis.Ingresses.ListAsync(harness.Namespace, ChallengeIngressBuilder.LabelSelectorForAll(), cts.Token)).Items.Count == 0, cts.Token);
        await Eventually(async () => (await harness.Apis.Challenges.ListAsync(harness.Namespace, null, cts.Token)).Items.Count == 0, cts.Token);
        await Eventually(() => Task.FromResult(harness.Host.Context.Http01Tokens.Count == 0), cts.Token);

        // Events are written after the status that the waits above observe, so give them a moment.
        // "Validated" is not required: when the Order controller sees the order valid first, it
        // deletes the Challenges before the Challenge controller reports the validation.
        IList<k8s.Models.Corev1Event> events = [];
        await Eventually(async () =>
        {
            events = (await CoreResourceApis.Events(harness.Env.Client).ListAsync(harness.Namespace, null, cts.Token)).Items.ToList();
            return events.Any(e => e.Reason == "Presented" && e.InvolvedObject.Kind == "Challenge")
                && events.Any(e => e.Reason == "Complete" && e.InvolvedObject.Kind == "Order");
        }, cts.Token);
        Assert.Contains(events, e => e.Reason == "Presented" && e.InvolvedObject.Kind == "Challenge");
        // Progress stays on the Order and its Challenges; only Warnings are repeated on the Certificate.
        Assert.DoesNotContain(events, e => e.InvolvedObject.Kind == "Certificate" && e.Reason is "Presented" or "Complete");
        Assert.Contains(events, e => e.Reason == "Complete" && e.InvolvedObject.Kind == "Order" && e.InvolvedObject.Name == "web-1");
    }

    [SkippableFact]
    public async Task Unreachable_http01_responder_makes_the_order_invalid_with_the_cas_reason()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: false);
        Skip.If(missing != null, missing);
        using var cts = Timeout();
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: false, cts.Token);
        await harness.CreateIssuerAsync([AcmeControllerHarness.Http01Solver()], cts.Token);
        await harness.StartOperatorAsync(orders: true, challenges: true, cts.Token, responderOnPebblePort: false);
        var failedChallenges = new ConcurrentQueue<Challenge>();
        harness.Host!.Context.Informers.Challenges.OnUpdate += (_, c) =>
        {
            if (AcmeStates.IsFailure(c.Status?.State))
            {
                failedChallenges.Enqueue(c);
            }
        };

        await harness.CreateOrderAsync("unreachable", [TestCsr.UniqueName("down")], cts.Token);
        var order = await harness.WaitForOrderAsync("unreachable", o => AcmeStates.IsFinal(o.Status?.State), cts.Token);

        Assert.Equal(AcmeStates.Invalid, order.Status!.State);
        // Pebble's problem document (connection refused) is carried into the reason, from the Order or its Challenge.
        Assert.Contains("urn:ietf:params:acme:error:", order.Status.Reason, StringComparison.Ordinal);
        Assert.NotNull(order.Status.FailureTime);
        Assert.Null(order.Status.Certificate);
        // The Challenge may be deleted (order final) before it records its own failure; when it did, it is invalid too.
        Assert.All(failedChallenges, c => Assert.Equal(AcmeStates.Invalid, c.Status!.State));
        await Eventually(async () => (await harness.Apis.Ingresses.ListAsync(harness.Namespace, null, cts.Token)).Items.Count == 0, cts.Token);
    }

    [SkippableFact]
    public async Task Wildcard_with_only_an_http01_solver_errors_with_a_clear_reason()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: false);
        Skip.If(missing != null, missing);
        using var cts = Timeout();
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: false, cts.Token);
        await harness.CreateIssuerAsync([AcmeControllerHarness.Http01Solver()], cts.Token);
        await harness.StartOperatorAsync(orders: true, challenges: true, cts.Token);

        await harness.CreateOrderAsync("wild", ["*." + TestCsr.UniqueName("wild")], cts.Token);
        var order = await harness.WaitForOrderAsync("wild", o => AcmeStates.IsFinal(o.Status?.State), cts.Token);

        Assert.Equal(AcmeStates.Errored, order.Status!.State);
        Assert.Contains("wildcard names need a dns01 or dnsPersist01 solver", order.Status.Reason, StringComparison.Ordinal);
        Assert.NotNull(order.Status.FailureTime);
        Assert.Empty((await harness.Apis.Challenges.ListAsync(harness.Namespace, null, cts.Token)).Items);
    }

    [SkippableFact]
    public async Task Restarted_operator_resumes_the_same_acme_order()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: false);
        Skip.If(missing != null, missing);
        using var cts = Timeout();
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: false, cts.Token);
        await harness.CreateIssuerAsync([AcmeControllerHarness.Http01Solver()], cts.Token);
        var name = TestCsr.UniqueName("restart");

        // First run: only the Order controller, so the order is created and its Challenge made, then the process "dies".
        await harness.StartOperatorAsync(orders: true, challenges: false, cts.Token);
        await harness.CreateOrderAsync("resume", [name], cts.Token);
        var pending = await harness.WaitForOrderAsync("resume", o => !string.IsNullOrEmpty(o.Status?.Url), cts.Token);
        await Eventually(async () => (await harness.Apis.Challenges.ListAsync(harness.Namespace, null, cts.Token)).Items.Count == 1, cts.Token);
        await harness.StopOperatorAsync();

        // Second run: fresh reconcilers and caches pick up from the status.
        await harness.StartOperatorAsync(orders: true, challenges: true, cts.Token);
        var done = await harness.WaitForOrderAsync("resume", o => AcmeStates.IsFinal(o.Status?.State), cts.Token);

        Assert.True(done.Status!.State == AcmeStates.Valid, $"state {done.Status.State}: {done.Status.Reason}");
        Assert.Equal(pending.Status!.Url, done.Status.Url);
        Assert.NotEmpty(done.Status.Certificate!);
    }

    internal static async Task Eventually(Func<Task<bool>> condition, CancellationToken ct)
    {
        while (!await condition())
        {
            await Task.Delay(100, ct);
        }
    }
}

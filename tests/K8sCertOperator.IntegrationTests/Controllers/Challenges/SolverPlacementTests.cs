using System.Collections.Concurrent;
using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>
/// Where the temporary HTTP-01 Ingress and its backend live, end to end through Pebble with the operator running
/// in a namespace of its own: by default next to the Certificate (with an ExternalName Service to the operator's
/// responder Service), with --http01-solver-namespace=operator in the operator's namespace as before.
/// </summary>
public sealed class SolverPlacementTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Solver_ingress_and_its_external_name_service_live_in_the_certificates_namespace_and_go_away()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var separate = await SeparateOperatorHarness.StartAsync(output, Http01SolverNamespace.Certificate, ct);
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);
        await separate.StartOperatorAsync(ct);
        var challenges = new ConcurrentQueue<Challenge>();
        h.Host!.Context.Informers.Challenges.OnAdd += challenges.Enqueue;
        await h.CreateAcmeIssuerAsync("pebble", ct);
        var name = K8sCertOperator.IntegrationTests.Acme.TestCsr.UniqueName("placed");

        await h.CreateCertificateAsync("web", "pebble", [name], ct);
        await h.WaitCertificateReadyAsync("web", 1, Patience, ct);
        await h.AssertSecretServesAsync("web-tls", [name], ct);

        var ingress = Assert.Single(separate.Ingresses);
        var service = Assert.Single(separate.Services);
        var challenge = Assert.Single(challenges);
        Assert.Equal(h.Namespace, ingress.Metadata.NamespaceProperty);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal(name, rule.Host);
        var path = Assert.Single(rule.Http.Paths);
        Assert.Equal(Http01Responder.PathPrefix + challenge.Spec.Token, path.Path);
        Assert.Equal("Exact", path.PathType);
        Assert.Equal(service.Metadata.Name, path.Backend.Service.Name);
        Assert.Equal(h.Options.Http01ServicePort, path.Backend.Service.Port.Number);
        Assert.Equal("nginx", ingress.Spec.IngressClassName);

        Assert.Equal(h.Namespace, service.Metadata.NamespaceProperty);
        Assert.Equal("ExternalName", service.Spec.Type);
        Assert.Equal($"{h.Options.Http01ServiceName}.{operatorNamespace}.svc.cluster.local", service.Spec.ExternalName);
        Assert.Equal(h.Options.Http01ServicePort, Assert.Single(service.Spec.Ports).Port);
        foreach (var meta in new[] { ingress.Metadata, service.Metadata })
        {
            var owner = Assert.Single(meta.OwnerReferences);
            Assert.Equal(("Challenge", challenge.Metadata.Name, challenge.Metadata.Uid), (owner.Kind, owner.Name, owner.Uid));
        }

        // Gone afterwards, and nothing was ever put in the operator's namespace.
        await h.WaitForAsync(
            async c => (await h.Apis.Ingresses.ListAsync(h.Namespace, ChallengeSolverMetadata.LabelSelectorForAll(), c)).Items.Count == 0
                && (await h.Apis.Services.ListAsync(h.Namespace, ChallengeSolverMetadata.LabelSelectorForAll(), c)).Items.Count == 0 ? "gone" : null,
            _ => true, Patience, "solver Ingress and Service deleted", ct);
        Assert.Empty((await h.Apis.Ingresses.ListAsync(operatorNamespace, null, ct)).Items);
        Assert.Empty((await h.Apis.Services.ListAsync(operatorNamespace, ChallengeSolverMetadata.LabelSelectorForAll(), ct)).Items);
    }

    [SkippableFact]
    public async Task With_the_operator_namespace_opt_in_the_solver_ingress_lives_there_and_routes_to_the_responder_service()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var separate = await SeparateOperatorHarness.StartAsync(output, Http01SolverNamespace.Operator, ct);
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);
        await separate.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        var name = K8sCertOperator.IntegrationTests.Acme.TestCsr.UniqueName("optin");

        await h.CreateCertificateAsync("web", "pebble", [name], ct);
        await h.WaitCertificateReadyAsync("web", 1, Patience, ct);

        var ingress = Assert.Single(separate.Ingresses);
        Assert.Equal(operatorNamespace, ingress.Metadata.NamespaceProperty);
        Assert.Null(ingress.Metadata.OwnerReferences);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal(name, rule.Host);
        var backend = Assert.Single(rule.Http.Paths).Backend.Service;
        Assert.Equal((h.Options.Http01ServiceName, h.Options.Http01ServicePort), (backend.Name, backend.Port.Number));
        Assert.Empty(separate.Services);
        Assert.Empty((await h.Apis.Ingresses.ListAsync(h.Namespace, null, ct)).Items);
        await h.WaitForAsync(
            async c => (await h.Apis.Ingresses.ListAsync(operatorNamespace, ChallengeSolverMetadata.LabelSelectorForAll(), c)).Items.Count == 0 ? "gone" : null,
            _ => true, Patience, "solver Ingress deleted from the operator namespace", ct);
    }
}

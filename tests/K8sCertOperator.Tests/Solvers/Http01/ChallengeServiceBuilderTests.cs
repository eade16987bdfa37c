using K8sCertOperator.Api;
using K8sCertOperator.Solvers.Http01;
using k8s.Models;

namespace K8sCertOperator.Tests.Solvers.Http01;

public sealed class ChallengeServiceBuilderTests
{
    private static readonly ChallengeIngressOptions Options = new("k8scert-system", "k8s-cert-operator-http01", 8089);

    [Fact]
    public void Points_the_ingress_backend_name_at_the_operators_responder_service()
    {
        var challenge = ChallengeIngressBuilderTests.NewChallenge();

        var service = ChallengeServiceBuilder.Build(challenge, Options);
        var ingress = ChallengeIngressBuilder.Build(challenge, Options);

        Assert.Equal(("v1", "Service"), (service.ApiVersion, service.Kind));
        Assert.Equal(("shop", ingress.Metadata.Name), (service.Metadata.NamespaceProperty, service.Metadata.Name));
        Assert.Equal(ingress.Spec.Rules[0].Http.Paths[0].Backend.Service.Name, service.Metadata.Name);
        Assert.Equal("ExternalName", service.Spec.Type);
        Assert.Equal("k8s-cert-operator-http01.k8scert-system.svc.cluster.local", service.Spec.ExternalName);
        Assert.Null(service.Spec.Selector);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal((8089, "8089"), (port.Port, port.TargetPort.Value));
        Assert.Equal("true", service.Metadata.Labels[LabelKeys.AcmeHttp01Solver]);
        Assert.Equal(LabelKeys.ManagedByValue, service.Metadata.Labels[LabelKeys.ManagedBy]);
        var owner = Assert.Single(service.Metadata.OwnerReferences);
        Assert.Equal(("Challenge", challenge.Metadata.Uid), (owner.Kind, owner.Uid));
        Assert.True(ChallengeSolverMetadata.TryGetOwner(service.Metadata, out var ns, out var name, out var uid));
        Assert.Equal(("shop", challenge.Metadata.Name, challenge.Metadata.Uid), (ns, name, uid));
    }

    [Fact]
    public void Cluster_domain_is_configurable()
    {
        var service = ChallengeServiceBuilder.Build(ChallengeIngressBuilderTests.NewChallenge(), Options with { ClusterDomain = "corp.internal." });

        Assert.Equal("k8s-cert-operator-http01.k8scert-system.svc.corp.internal", service.Spec.ExternalName);
    }

    [Theory]
    [InlineData("same", true)]
    [InlineData("other-target", false)]
    [InlineData("other-port", false)]
    [InlineData("clusterip", false)]
    [InlineData("label-missing", false)]
    [InlineData("extra-label", true)]
    public void Up_to_date_when_it_still_points_at_the_responder(string change, bool upToDate)
    {
        var desired = ChallengeServiceBuilder.Build(ChallengeIngressBuilderTests.NewChallenge(), Options);
        var existing = K8sCertOperator.Kube.Client.KubeJson.Clone(desired);
        switch (change)
        {
            case "other-target":
                existing.Spec.ExternalName = "attacker.example.net";
                break;
            case "other-port":
                existing.Spec.Ports[0].Port = 80;
                break;
            case "clusterip":
                existing.Spec.Type = "ClusterIP";
                break;
            case "label-missing":
                existing.Metadata.Labels.Remove(LabelKeys.AcmeHttp01Solver);
                break;
            case "extra-label":
                existing.Metadata.Labels["added-by"] = "someone";
                break;
        }

        Assert.Equal(upToDate, ChallengeServiceBuilder.IsUpToDate(existing, desired));
    }

    [Fact]
    public void With_the_operator_namespace_opt_in_the_pieces_carry_no_owner_reference()
    {
        var service = ChallengeServiceBuilder.Build(ChallengeIngressBuilderTests.NewChallenge(), Options with { SolverNamespace = Http01SolverNamespace.Operator });

        Assert.Equal("k8scert-system", service.Metadata.NamespaceProperty);
        Assert.Null(service.Metadata.OwnerReferences);
    }
}

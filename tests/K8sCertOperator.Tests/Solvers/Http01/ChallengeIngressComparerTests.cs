using K8sCertOperator.Api;
using K8sCertOperator.Solvers.Http01;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Tests.Solvers.Http01;

public sealed class ChallengeIngressComparerTests
{
    private static readonly ChallengeIngressOptions Options = new("k8scert-system", "responder", 8089);

    private static V1Ingress Desired() =>
        ChallengeIngressBuilder.Build(ChallengeIngressBuilderTests.NewChallenge(ingressClassName: "nginx"), Options);

    private static V1IngressServiceBackend Backend(V1Ingress i) => i.Spec.Rules[0].Http.Paths[0].Backend.Service;

    public static TheoryData<string, Action<V1Ingress>, bool> Mutations => new()
    {
        { "unchanged", _ => { }, true },
        { "extra label from someone else", i => i.Metadata.Labels["added-by-admission"] = "x", true },
        { "extra annotation from a controller", i => i.Metadata.Annotations["ingress.kubernetes.io/status"] = "ok", true },
        { "server-set fields", i => { i.Metadata.ResourceVersion = "42"; i.Metadata.Uid = "u"; i.Status = new V1IngressStatus(); }, true },
        { "our label changed", i => i.Metadata.Labels[LabelKeys.AcmeHttpToken] = "other", false },
        { "our label removed", i => i.Metadata.Labels.Remove(LabelKeys.ManagedBy), false },
        { "labels missing", i => i.Metadata.Labels = null, false },
        { "owner annotation changed", i => i.Metadata.Annotations["acme.k8scert.io/challenge-name"] = "x", false },
        { "class changed", i => i.Spec.IngressClassName = "traefik", false },
        { "class dropped", i => i.Spec.IngressClassName = null, false },
        { "host changed", i => i.Spec.Rules[0].Host = "evil.example.com", false },
        { "path changed", i => i.Spec.Rules[0].Http.Paths[0].Path = "/", false },
        { "path type changed", i => i.Spec.Rules[0].Http.Paths[0].PathType = "Prefix", false },
        { "service changed", i => Backend(i).Name = "other", false },
        { "port changed", i => Backend(i).Port.Number = 80, false },
        { "port by name", i => Backend(i).Port = new V1ServiceBackendPort { Name = "http" }, false },
        { "extra path", i => i.Spec.Rules[0].Http.Paths.Add(i.Spec.Rules[0].Http.Paths[0]), false },
        { "extra rule", i => i.Spec.Rules.Add(new V1IngressRule { Host = "x.example.com" }), false },
        { "no rules", i => i.Spec.Rules = null, false },
        { "tls added", i => i.Spec.Tls = [new V1IngressTLS { SecretName = "s" }], false },
        { "default backend added", i => i.Spec.DefaultBackend = new V1IngressBackend(), false },
        { "no spec", i => i.Spec = null, false },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Detects_changes_that_matter(string what, Action<V1Ingress> mutate, bool upToDate)
    {
        var desired = Desired();
        var existing = KubernetesJson.Deserialize<V1Ingress>(KubernetesJson.Serialize(desired));
        mutate(existing);

        Assert.True(upToDate == ChallengeIngressComparer.IsUpToDate(existing, desired), what);
    }
}

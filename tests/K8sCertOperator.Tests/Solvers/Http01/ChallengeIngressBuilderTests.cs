using System.Text.RegularExpressions;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Http01;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Tests.Solvers.Http01;

public sealed partial class ChallengeIngressBuilderTests
{
    // The opt-in placement (operator namespace), which most cases here describe; see the certificate-namespace cases below.
    private static readonly ChallengeIngressOptions Options = new("k8scert-system", "k8scert-http01-responder", 8089) { SolverNamespace = Http01SolverNamespace.Operator };

    private static readonly ChallengeIngressOptions NextToChallenge = new("k8scert-system", "k8scert-http01-responder", 8089);

    internal static Challenge NewChallenge(
        string dnsName = "www.example.com",
        string token = "tok-ABC_123",
        string? ingressClassName = null,
        string? legacyClass = null) => new()
        {
            Metadata = new V1ObjectMeta { Name = "web-tls-1-2345-0", NamespaceProperty = "shop", Uid = "0b3f6d3e-6a51-4a8e-9d3e-2f1f0c7d9a11" },
            Spec = new ChallengeSpec
            {
                DnsName = dnsName,
                Token = token,
                Type = ChallengeTypes.Http01,
                Key = "tok-ABC_123.thumbprint",
                Solver = new AcmeChallengeSolver
                {
                    Http01 = new AcmeChallengeSolverHttp01
                    {
                        Ingress = new AcmeChallengeSolverHttp01Ingress { IngressClassName = ingressClassName, Class = legacyClass },
                    },
                },
            },
        };

    [Fact]
    public void Routes_the_token_path_on_the_challenge_host_to_the_responder()
    {
        var ingress = ChallengeIngressBuilder.Build(NewChallenge(ingressClassName: "nginx"), Options);

        Assert.Equal("networking.k8s.io/v1", ingress.ApiVersion);
        Assert.Equal("Ingress", ingress.Kind);
        Assert.Equal("k8scert-system", ingress.Metadata.NamespaceProperty);
        Assert.Equal("nginx", ingress.Spec.IngressClassName);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal("www.example.com", rule.Host);
        var path = Assert.Single(rule.Http.Paths);
        Assert.Equal("/.well-known/acme-challenge/tok-ABC_123", path.Path);
        Assert.Equal("Exact", path.PathType);
        Assert.Equal("k8scert-http01-responder", path.Backend.Service.Name);
        Assert.Equal(8089, path.Backend.Service.Port.Number);
        Assert.Null(ingress.Spec.Tls);
        Assert.Null(ingress.Metadata.OwnerReferences);
    }

    [Fact]
    public void Labels_and_annotations_record_purpose_and_owner()
    {
        var challenge = NewChallenge();
        var ingress = ChallengeIngressBuilder.Build(challenge, Options);
        var labels = ingress.Metadata.Labels;

        Assert.Equal(LabelKeys.ManagedByValue, labels[LabelKeys.ManagedBy]);
        Assert.Equal("true", labels[LabelKeys.AcmeHttp01Solver]);
        Assert.Equal(ChallengeIngressBuilder.HashLabelValue("www.example.com"), labels[LabelKeys.AcmeHttpDomain]);
        Assert.Equal(ChallengeIngressBuilder.HashLabelValue("tok-ABC_123"), labels[LabelKeys.AcmeHttpToken]);
        Assert.Equal($"acme.k8scert.io/challenge-uid={challenge.Metadata.Uid}", ChallengeIngressBuilder.LabelSelectorFor(challenge));
        Assert.Equal(challenge.Metadata.Uid, labels["acme.k8scert.io/challenge-uid"]);

        Assert.True(ChallengeIngressBuilder.TryGetOwner(ingress, out var ns, out var name, out var uid));
        Assert.Equal(("shop", "web-tls-1-2345-0", challenge.Metadata.Uid), (ns, name, uid));
        Assert.False(ChallengeIngressBuilder.TryGetOwner(new V1Ingress { Metadata = new V1ObjectMeta() }, out _, out _, out _));
    }

    [Theory]
    [InlineData("www.example.com", "tok")]
    [InlineData("WWW.Example.COM", "a-very-long-token-" + "x" + "0123456789012345678901234567890123456789012345678901234567890123456789")]
    [InlineData("a.very.long.name.with.many.labels.that.would.never.fit.in.a.label.value.example.co.uk", "tok")]
    [InlineData("xn--bcher-kva.example", "tok")]
    [InlineData("192.0.2.7", "tok")]
    public void Every_name_and_label_value_is_valid(string dnsName, string token)
    {
        var ingress = ChallengeIngressBuilder.Build(NewChallenge(dnsName, token), Options);

        Assert.Matches(Dns1123Label(), ingress.Metadata.Name);
        Assert.InRange(ingress.Metadata.Name.Length, 1, 63);
        Assert.StartsWith(ChallengeIngressBuilder.NamePrefix, ingress.Metadata.Name, StringComparison.Ordinal);
        foreach (var (key, value) in ingress.Metadata.Labels)
        {
            Assert.True(value.Length <= 63, $"label {key} value too long");
            Assert.Matches(LabelValue(), value);
        }
    }

    [Fact]
    public void Domain_label_ignores_case_but_token_label_does_not()
    {
        var lower = ChallengeIngressBuilder.Build(NewChallenge("www.example.com", "Tok"), Options).Metadata.Labels;
        var upper = ChallengeIngressBuilder.Build(NewChallenge("WWW.EXAMPLE.COM", "tok"), Options).Metadata.Labels;

        Assert.Equal(lower[LabelKeys.AcmeHttpDomain], upper[LabelKeys.AcmeHttpDomain]);
        Assert.NotEqual(lower[LabelKeys.AcmeHttpToken], upper[LabelKeys.AcmeHttpToken]);
    }

    [Fact]
    public void Ip_identifiers_get_a_rule_without_host()
    {
        var rule = Assert.Single(ChallengeIngressBuilder.Build(NewChallenge("2001:db8::1"), Options).Spec.Rules);

        Assert.Null(rule.Host);
        Assert.Equal("/.well-known/acme-challenge/tok-ABC_123", Assert.Single(rule.Http.Paths).Path);
    }

    [Theory]
    [InlineData("shop", "c1", "t1", "shop", "c1", "t1", true)]
    [InlineData("shop", "c1", "t1", "shop", "c1", "t2", false)]
    [InlineData("shop", "c1", "t1", "shop", "c2", "t1", false)]
    [InlineData("shop", "c1", "t1", "other", "c1", "t1", false)]
    // The separator keeps "a/bc" and "ab/c" apart.
    [InlineData("a", "bc", "t", "ab", "c", "t", false)]
    public void Ingress_name_is_stable_and_distinct(string ns1, string n1, string t1, string ns2, string n2, string t2, bool same)
    {
        var first = ChallengeIngressBuilder.IngressName(ns1, n1, t1);
        var second = ChallengeIngressBuilder.IngressName(ns2, n2, t2);

        Assert.Equal(same, first == second);
        Assert.Equal(first, ChallengeIngressBuilder.IngressName(ns1, n1, t1));
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("", "", null, null)]
    [InlineData("nginx", null, "nginx", null)]
    [InlineData(null, "traefik", null, "traefik")]
    public void Ingress_class_comes_from_the_solver(string? className, string? legacyClass, string? expectedClassName, string? expectedAnnotation)
    {
        var ingress = ChallengeIngressBuilder.Build(NewChallenge(ingressClassName: className, legacyClass: legacyClass), Options);

        Assert.Equal(expectedClassName, ingress.Spec.IngressClassName);
        Assert.Equal(expectedAnnotation, ingress.Metadata.Annotations.TryGetValue("kubernetes.io/ingress.class", out var v) ? v : null);
    }

    [Fact]
    public void Template_metadata_is_merged_and_ours_wins()
    {
        var challenge = NewChallenge(legacyClass: "nginx");
        challenge.Spec.Solver.Http01!.Ingress!.IngressTemplate = new AcmeChallengeSolverHttp01IngressTemplate
        {
            Metadata = new AcmeChallengeSolverHttp01IngressObjectMeta
            {
                Labels = new() { ["team"] = "web", [LabelKeys.ManagedBy] = "someone-else", [LabelKeys.AcmeHttp01Solver] = "false" },
                Annotations = new() { ["nginx.ingress.kubernetes.io/whitelist-source-range"] = "0.0.0.0/0", ["kubernetes.io/ingress.class"] = "other" },
            },
        };

        var ingress = ChallengeIngressBuilder.Build(challenge, Options);

        Assert.Equal("web", ingress.Metadata.Labels["team"]);
        Assert.Equal(LabelKeys.ManagedByValue, ingress.Metadata.Labels[LabelKeys.ManagedBy]);
        Assert.Equal("true", ingress.Metadata.Labels[LabelKeys.AcmeHttp01Solver]);
        Assert.Equal("0.0.0.0/0", ingress.Metadata.Annotations["nginx.ingress.kubernetes.io/whitelist-source-range"]);
        Assert.Equal("nginx", ingress.Metadata.Annotations["kubernetes.io/ingress.class"]);
        // The template object itself is not modified.
        Assert.Equal("someone-else", challenge.Spec.Solver.Http01.Ingress.IngressTemplate!.Metadata!.Labels![LabelKeys.ManagedBy]);
    }

    public static TheoryData<string, Action<Challenge>> Unusable => new()
    {
        { "dns type", c => c.Spec.Type = ChallengeTypes.Dns01 },
        { "wildcard", c => c.Spec.Wildcard = true },
        { "no token", c => c.Spec.Token = "" },
        { "no dnsName", c => c.Spec.DnsName = "" },
        { "no uid", c => c.Metadata.Uid = null },
        { "no http01", c => c.Spec.Solver = new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01() } },
        { "no ingress", c => c.Spec.Solver.Http01!.Ingress = null },
        { "both classes", c => { c.Spec.Solver.Http01!.Ingress!.Class = "a"; c.Spec.Solver.Http01.Ingress.IngressClassName = "b"; } },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Rejects_challenges_an_ingress_cannot_solve(string why, Action<Challenge> spoil)
    {
        var challenge = NewChallenge();
        spoil(challenge);

        var error = Assert.Throws<ArgumentException>(() => ChallengeIngressBuilder.Build(challenge, Options));
        Assert.False(string.IsNullOrWhiteSpace(error.Message), why);
    }

    [Fact]
    public void Survives_a_json_round_trip_as_the_api_server_returns_it()
    {
        var desired = ChallengeIngressBuilder.Build(NewChallenge(ingressClassName: "nginx"), Options);

        var json = KubernetesJson.Serialize(desired);
        var back = KubernetesJson.Deserialize<V1Ingress>(json);

        Assert.Contains("\"pathType\":\"Exact\"", json, StringComparison.Ordinal);
        Assert.True(ChallengeIngressComparer.IsUpToDate(back, desired));
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();

    [Fact]
    public void By_default_lives_in_the_challenges_namespace_routing_to_its_own_service_and_owned_by_the_challenge()
    {
        var challenge = NewChallenge(ingressClassName: "nginx");

        var ingress = ChallengeIngressBuilder.Build(challenge, NextToChallenge);

        Assert.Equal(Http01SolverNamespace.Certificate, NextToChallenge.SolverNamespace);
        Assert.Equal("shop", ingress.Metadata.NamespaceProperty);
        var rule = Assert.Single(ingress.Spec.Rules);
        Assert.Equal("www.example.com", rule.Host);
        var path = Assert.Single(rule.Http.Paths);
        Assert.Equal("/.well-known/acme-challenge/tok-ABC_123", path.Path);
        Assert.Equal(ingress.Metadata.Name, path.Backend.Service.Name);
        Assert.Equal(8089, path.Backend.Service.Port.Number);
        var owner = Assert.Single(ingress.Metadata.OwnerReferences);
        Assert.Equal(("acme.k8scert.io/v1", "Challenge", "web-tls-1-2345-0", challenge.Metadata.Uid, true),
            (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller));
        Assert.NotEqual(true, owner.BlockOwnerDeletion);
        Assert.True(ChallengeIngressBuilder.TryGetOwner(ingress, out var ns, out var name, out _));
        Assert.Equal(("shop", "web-tls-1-2345-0"), (ns, name));
    }
}

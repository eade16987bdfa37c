using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Solvers.Http01;
using k8s.Models;

namespace K8sCertOperator.Tests.Solvers.Http01.GatewayRoute;

/// <summary>Challenges solved by <c>gatewayHTTPRoute</c> and the placements the route builder tests use.</summary>
internal static class GatewayRouteChallenges
{
    public const string OperatorNamespace = "k8scert-system";
    public const string ResponderService = "k8scert-http01-responder";

    /// <summary>Default placement: beside the Challenge.</summary>
    public static readonly ChallengeIngressOptions NextToChallenge = new(OperatorNamespace, ResponderService, 8089);

    /// <summary>Opt-in placement: the operator's namespace.</summary>
    public static readonly ChallengeIngressOptions InOperatorNamespace = NextToChallenge with { SolverNamespace = Http01SolverNamespace.Operator };

    public static Challenge New(string ns = "shop", string dnsName = "www.example.com", params ParentReference[] parents) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-tls-1-2345-0", NamespaceProperty = ns, Uid = "0b3f6d3e-6a51-4a8e-9d3e-2f1f0c7d9a11" },
        Spec = new ChallengeSpec
        {
            DnsName = dnsName,
            Token = "tok-ABC_123",
            Type = ChallengeTypes.Http01,
            Key = "tok-ABC_123.thumbprint",
            Solver = new AcmeChallengeSolver
            {
                Http01 = new AcmeChallengeSolverHttp01
                {
                    GatewayHttpRoute = new AcmeChallengeSolverHttp01GatewayHttpRoute
                    {
                        ParentRefs = parents.Length > 0 ? [.. parents] : [new ParentReference { Name = "public", Namespace = "gateways", SectionName = "http" }],
                    },
                },
            },
        },
    };
}

using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Solvers.Http01.GatewayRoute;

/// <summary>
/// Builds the temporary HTTPRoute of one HTTP-01 Challenge solved by <c>gatewayHTTPRoute</c>: attached to the solver's
/// parentRefs, for the challenged host only, with one rule matching exactly the token path and sending it to the
/// operator's responder Service. By default the route lives beside the Challenge and names the responder Service in
/// the operator's namespace, which a <see cref="ChallengeReferenceGrantBuilder">ReferenceGrant</see> there allows;
/// with <see cref="Http01SolverNamespace.Operator"/> it lives in the operator's namespace and needs no grant.
/// Names, labels and ownership: <see cref="ChallengeSolverMetadata"/>, as for the Ingress solver.
/// </summary>
public static class ChallengeHttpRouteBuilder
{
    /// <summary>The desired HTTPRoute; throws <see cref="ArgumentException"/> when the Challenge cannot use one.</summary>
    public static HttpRoute Build(Challenge challenge, ChallengeIngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(options);
        var solver = Validate(challenge);
        var spec = challenge.Spec;
        var challengeNamespace = challenge.Metadata.NamespaceProperty ?? "";
        var host = Http01SolverPreconditions.RouteHost(spec.DnsName);
        return new HttpRoute
        {
            Metadata = ChallengeSolverMetadata.For(challenge, options, solver.Labels),
            Spec = new HttpRouteSpec
            {
                ParentRefs = [.. solver.ParentRefs.Select(p => WithDefaults(p, challengeNamespace))],
                // A hostname cannot be an IP; for IP identifiers the token path alone routes the request.
                Hostnames = host is null ? null : [host],
                Rules =
                [
                    new HttpRouteRule
                    {
                        Matches =
                        [
                            new HttpRouteMatch
                            {
                                Path = new HttpPathMatch { Type = HttpRouteNames.PathMatchExact, Value = Http01SolverPreconditions.ChallengePath(spec.Token) },
                            },
                        ],
                        BackendRefs =
                        [
                            new HttpBackendRef
                            {
                                Group = "",
                                Kind = HttpRouteNames.ServiceKind,
                                Name = options.ServiceName,
                                Namespace = NeedsReferenceGrant(challengeNamespace, options) ? options.OperatorNamespace : null,
                                Port = options.ServicePort,
                                Weight = 1,
                            },
                        ],
                    },
                ],
            },
        };
    }

    /// <summary>
    /// True when the route (beside the Challenge) names the responder Service in another namespace, which Gateway
    /// API allows only with a ReferenceGrant in the Service's namespace.
    /// </summary>
    public static bool NeedsReferenceGrant(string challengeNamespace, ChallengeIngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.NamespaceFor(challengeNamespace) != options.OperatorNamespace;
    }

    /// <summary>
    /// A parentRef with the CRD defaults filled in, and the namespace made explicit: unset means the Challenge's
    /// namespace, wherever the route itself lives.
    /// </summary>
    public static ParentReference WithDefaults(ParentReference parent, string challengeNamespace)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return new ParentReference
        {
            Group = parent.Group ?? HttpRouteNames.Group,
            Kind = string.IsNullOrEmpty(parent.Kind) ? HttpRouteNames.GatewayKind : parent.Kind,
            Namespace = string.IsNullOrEmpty(parent.Namespace) ? challengeNamespace : parent.Namespace,
            Name = parent.Name,
            SectionName = string.IsNullOrEmpty(parent.SectionName) ? null : parent.SectionName,
            Port = parent.Port,
        };
    }

    private static AcmeChallengeSolverHttp01GatewayHttpRoute Validate(Challenge challenge)
    {
        var http01 = Http01SolverPreconditions.Require(challenge);
        var solver = http01.GatewayHttpRoute
            ?? throw new ArgumentException("challenge solver has no http01.gatewayHTTPRoute", nameof(challenge));
        if (http01.Ingress is not null)
        {
            throw new ArgumentException("http01.ingress and http01.gatewayHTTPRoute are mutually exclusive", nameof(challenge));
        }
        if (solver.ParentRefs is not { Count: > 0 } || solver.ParentRefs.Any(p => string.IsNullOrEmpty(p.Name)))
        {
            throw new ArgumentException("http01.gatewayHTTPRoute.parentRefs must name at least one Gateway, each with a name", nameof(challenge));
        }
        return solver;
    }
}

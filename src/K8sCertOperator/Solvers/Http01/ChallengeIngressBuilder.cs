using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using k8s.Models;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// Builds the temporary Ingress that routes one HTTP-01 challenge path to the operator's responder. By default it
/// lives in the Challenge's namespace, routing to the Challenge's ExternalName Service
/// (<see cref="ChallengeServiceBuilder"/>); with <see cref="Http01SolverNamespace.Operator"/> it lives in the
/// operator namespace and routes to the responder Service directly. Names, labels and ownership:
/// <see cref="ChallengeSolverMetadata"/>.
/// </summary>
public static class ChallengeIngressBuilder
{
    public const string NamePrefix = ChallengeSolverMetadata.NamePrefix;

    /// <summary>Legacy class annotation, still the only way some controllers are selected.</summary>
    public const string LegacyIngressClassAnnotation = "kubernetes.io/ingress.class";

    /// <summary>The desired Ingress for an HTTP-01 Challenge; throws <see cref="ArgumentException"/> when the Challenge cannot use one.</summary>
    public static V1Ingress Build(Challenge challenge, ChallengeIngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(options);
        var spec = challenge.Spec;
        var solver = Validate(challenge);
        var metadata = ChallengeSolverMetadata.For(challenge, options, solver.IngressTemplate?.Metadata?.Labels, solver.IngressTemplate?.Metadata?.Annotations);
        if (!string.IsNullOrEmpty(solver.Class))
        {
            metadata.Annotations[LegacyIngressClassAnnotation] = solver.Class;
        }

        var path = new V1HTTPIngressPath
        {
            Path = Http01SolverPreconditions.ChallengePath(spec.Token),
            PathType = "Exact",
            Backend = new V1IngressBackend
            {
                Service = new V1IngressServiceBackend
                {
                    // Next to the Challenge the backend is its ExternalName Service (same name as the Ingress).
                    Name = options.SolverNamespace == Http01SolverNamespace.Operator ? options.ServiceName : metadata.Name,
                    Port = new V1ServiceBackendPort { Number = options.ServicePort },
                },
            },
        };
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = metadata,
            Spec = new V1IngressSpec
            {
                IngressClassName = string.IsNullOrEmpty(solver.IngressClassName) ? null : solver.IngressClassName,
                Rules =
                [
                    new V1IngressRule
                    {
                        // An Ingress host cannot be an IP; for IP identifiers the token path alone routes the request.
                        Host = Http01SolverPreconditions.RouteHost(spec.DnsName),
                        Http = new V1HTTPIngressRuleValue { Paths = [path] },
                    },
                ],
            },
        };
    }

    /// <summary>Name of the solver Ingress (and Service) of a Challenge: see <see cref="ChallengeSolverMetadata.Name"/>.</summary>
    public static string IngressName(string challengeNamespace, string challengeName, string token) =>
        ChallengeSolverMetadata.Name(challengeNamespace, challengeName, token);

    /// <summary>See <see cref="ChallengeSolverMetadata.HashLabelValue"/>.</summary>
    public static string HashLabelValue(string value) => ChallengeSolverMetadata.HashLabelValue(value);

    /// <summary>Label selector that finds the solver pieces of one Challenge.</summary>
    public static string LabelSelectorFor(Challenge challenge) => ChallengeSolverMetadata.LabelSelectorFor(challenge);

    /// <summary>Label selector for every solver piece the operator created.</summary>
    public static string LabelSelectorForAll() => ChallengeSolverMetadata.LabelSelectorForAll();

    /// <summary>The owning Challenge recorded on a solver Ingress, for clean-up of orphans.</summary>
    public static bool TryGetOwner(V1Ingress ingress, out string challengeNamespace, out string challengeName, out string challengeUid)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return ChallengeSolverMetadata.TryGetOwner(ingress.Metadata, out challengeNamespace, out challengeName, out challengeUid);
    }

    private static AcmeChallengeSolverHttp01Ingress Validate(Challenge challenge)
    {
        var ingress = Http01SolverPreconditions.Require(challenge).Ingress
            ?? throw new ArgumentException("challenge solver has no http01.ingress", nameof(challenge));
        if (!string.IsNullOrEmpty(ingress.IngressClassName) && !string.IsNullOrEmpty(ingress.Class))
        {
            throw new ArgumentException("http01.ingress.ingressClassName and class are mutually exclusive", nameof(challenge));
        }
        return ingress;
    }
}

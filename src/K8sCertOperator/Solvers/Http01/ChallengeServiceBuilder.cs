using K8sCertOperator.Api.Acme;
using k8s.Models;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// Builds the backend of a solver Ingress in the Challenge's namespace: an ExternalName Service pointing at the
/// operator's responder Service (<c>NAME.OPERATOR-NS.svc.CLUSTER-DOMAIN</c>). An Ingress can only name a Service
/// of its own namespace; ExternalName reaches the operator from there without a solver pod, without tracking the
/// operator's pods and without the right to write EndpointSlices (which could point anywhere).
/// </summary>
public static class ChallengeServiceBuilder
{
    public const string ExternalNameType = "ExternalName";

    /// <summary>The desired Service for <paramref name="challenge"/>; same name and namespace as its Ingress.</summary>
    public static V1Service Build(Challenge challenge, ChallengeIngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(options);
        return new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = ChallengeSolverMetadata.For(challenge, options),
            Spec = new V1ServiceSpec
            {
                Type = ExternalNameType,
                ExternalName = options.ResponderHost,
                // The port the Ingress backend names; controllers that resolve ExternalName connect to it on the target.
                Ports =
                [
                    new V1ServicePort
                    {
                        Name = "http",
                        Protocol = "TCP",
                        Port = options.ServicePort,
                        TargetPort = options.ServicePort,
                    },
                ],
            },
        };
    }

    /// <summary>True when <paramref name="existing"/> points where <paramref name="desired"/> does and carries its labels.</summary>
    public static bool IsUpToDate(V1Service existing, V1Service desired)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        var (a, b) = (existing.Spec, desired.Spec);
        return a is not null
            && a.Type == b.Type
            && a.ExternalName == b.ExternalName
            && (a.Ports?.Count ?? 0) == b.Ports.Count
            && a.Ports!.Zip(b.Ports).All(p => p.First.Port == p.Second.Port && p.First.TargetPort?.Value == p.Second.TargetPort?.Value)
            && ChallengeSolverMetadata.Carries(existing.Metadata, desired.Metadata, annotations: false);
    }
}

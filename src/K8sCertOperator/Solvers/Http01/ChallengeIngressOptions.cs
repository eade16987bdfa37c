namespace K8sCertOperator.Solvers.Http01;

/// <summary>Where solver Ingresses live and the operator's HTTP-01 responder Service they route to.</summary>
/// <param name="OperatorNamespace">Namespace of the operator and of its responder Service.</param>
/// <param name="ServiceName">Service in front of <see cref="Http01Responder"/>.</param>
/// <param name="ServicePort">Port number of that Service.</param>
public sealed record ChallengeIngressOptions(string OperatorNamespace, string ServiceName, int ServicePort)
{
    /// <summary>Certificate (default): Ingress + ExternalName Service in the Challenge's namespace; Operator: both pieces in ours.</summary>
    public Http01SolverNamespace SolverNamespace { get; init; } = Http01SolverNamespace.Certificate;

    /// <summary>DNS suffix of Services, for the ExternalName target (<c>cluster.local</c> unless the cluster says otherwise).</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>The namespace the solver pieces of <paramref name="challengeNamespace"/> are created in.</summary>
    public string NamespaceFor(string challengeNamespace) =>
        SolverNamespace == Http01SolverNamespace.Operator ? OperatorNamespace : challengeNamespace;

    /// <summary>The responder Service's cluster DNS name, which a per-namespace ExternalName Service points at.</summary>
    public string ResponderHost => $"{ServiceName}.{OperatorNamespace}.svc.{ClusterDomain.TrimEnd('.')}";
}

namespace K8sCertOperator.Solvers.Http01;

/// <summary>Where solver Ingresses live and the operator's HTTP-01 responder Service they route to.</summary>
/// <param name="OperatorNamespace">Namespace of the operator; the Ingress must sit next to the Service it routes to.</param>
/// <param name="ServiceName">Service in front of <see cref="Http01Responder"/>.</param>
/// <param name="ServicePort">Port number of that Service.</param>
public sealed record ChallengeIngressOptions(string OperatorNamespace, string ServiceName, int ServicePort);

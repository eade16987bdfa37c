namespace K8sCertOperator.Solvers.Http01;

/// <summary>Where the temporary HTTP-01 Ingress (and its backend Service) of a Challenge is created.</summary>
public enum Http01SolverNamespace
{
    /// <summary>
    /// The Challenge's (Certificate's) namespace, with an ExternalName Service there pointing at the operator's
    /// responder Service: the namespace's host policies (admission, ingress controllers) apply to the name.
    /// </summary>
    Certificate,

    /// <summary>The operator's namespace, routing straight to the responder Service: for single-tenant clusters only.</summary>
    Operator,
}

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>Why (part of) an Ingress yields no Certificate, or what of it is ignored; becomes a Warning Event on the Ingress.</summary>
/// <param name="Reason">Event reason (CamelCase).</param>
/// <param name="Message">Human-readable detail naming the annotation or TLS entry.</param>
public sealed record IngressShimProblem(string Reason, string Message)
{
    public const string BadConfig = "BadConfig";
    public const string NoDefaultIssuer = "NoDefaultIssuer";

    /// <summary>A cert-manager annotation we read but do not act on; the Certificates are still made.</summary>
    public const string Unsupported = "Unsupported";
}

namespace K8sCertOperator.Controllers.Shims;

/// <summary>Why (part of) an annotated object yields no Certificate, or what of it is ignored; becomes a Warning Event on that object.</summary>
/// <param name="Reason">Event reason (CamelCase).</param>
/// <param name="Message">Human-readable detail naming the annotation, TLS entry or listener.</param>
public sealed record ShimProblem(string Reason, string Message)
{
    public const string BadConfig = "BadConfig";
    public const string NoDefaultIssuer = "NoDefaultIssuer";

    /// <summary>A cert-manager annotation we read but do not act on; the Certificates are still made.</summary>
    public const string Unsupported = "Unsupported";
}

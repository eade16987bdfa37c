using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>What an annotated object (Ingress, Gateway, ListenerSet) asks for: the Certificates to keep, the problems to report, and what not to delete.</summary>
public sealed record ShimCertificateMapping
{
    /// <summary>False when the object has no issuer annotation at all: every Certificate it owns goes.</summary>
    public bool Managed { get; init; }

    /// <summary>
    /// True when an object-wide annotation is bad: nothing is created, and owned Certificates are kept
    /// as they are (a typo must not delete working certificates).
    /// </summary>
    public bool Invalid { get; init; }

    public IReadOnlyList<Certificate> Certificates { get; init; } = [];

    public IReadOnlyList<ShimProblem> Problems { get; init; } = [];

    /// <summary>Secret names of bad TLS entries or listeners: their existing Certificates are neither updated nor deleted.</summary>
    public IReadOnlySet<string> HeldSecretNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static ShimCertificateMapping Unmanaged { get; } = new();
}

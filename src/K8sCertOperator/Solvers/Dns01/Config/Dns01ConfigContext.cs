using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>Per-challenge facts the mapping needs besides the solver config.</summary>
/// <param name="ResourceNamespace">Namespace Secrets are read from: the Issuer's, or the cluster resource namespace for a ClusterIssuer. Used in messages and passed to webhooks.</param>
/// <param name="DnsName">The name as on the Certificate, <c>*.example.com</c> for wildcards (webhooks receive it).</param>
/// <param name="AllowAmbientCredentials">Whether webhooks may use the operator's own cloud credentials (cert-manager: ClusterIssuers only by default).</param>
public sealed record Dns01ConfigContext(string ResourceNamespace, string DnsName, bool AllowAmbientCredentials = false)
{
    /// <summary>Context for a Challenge: its dnsName, with <c>*.</c> put back for wildcards.</summary>
    public static Dns01ConfigContext ForChallenge(ChallengeSpec challenge, string resourceNamespace, bool allowAmbientCredentials = false)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var name = challenge.Wildcard == true && !challenge.DnsName.StartsWith("*.", StringComparison.Ordinal)
            ? "*." + challenge.DnsName
            : challenge.DnsName;
        return new Dns01ConfigContext(resourceNamespace, name, allowAmbientCredentials);
    }
}

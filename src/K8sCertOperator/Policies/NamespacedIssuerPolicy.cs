using System.Net;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Policies;

/// <summary>
/// Pure decision: may this issuer talk to this ACME server under <see cref="NamespacedIssuerRestrictions"/>?
/// The caller resolves the host when <see cref="NeedsAddressCheck"/> says so and passes the addresses in; the same
/// rule is enforced again at connect time (<see cref="GuardedConnector"/>) so a later DNS answer cannot get around it.
/// </summary>
public static class NamespacedIssuerPolicy
{
    /// <summary>True when the addresses of <paramref name="server"/>'s host must be checked (and connections guarded).</summary>
    public static bool NeedsAddressCheck(NamespacedIssuerRestrictions restrictions, bool clusterScoped, Uri server)
    {
        ArgumentNullException.ThrowIfNull(restrictions);
        ArgumentNullException.ThrowIfNull(server);
        return restrictions.IsActive && !clusterScoped && !restrictions.IsListed(server.IdnHost);
    }

    /// <param name="resolved">The host's addresses; null or empty when not resolved (then the connect-time guard decides).</param>
    public static NamespacedIssuerVerdict Evaluate(
        NamespacedIssuerRestrictions restrictions, bool clusterScoped, Uri server, bool skipTlsVerify, IReadOnlyList<IPAddress>? resolved)
    {
        ArgumentNullException.ThrowIfNull(restrictions);
        ArgumentNullException.ThrowIfNull(server);
        if (clusterScoped || !restrictions.IsActive)
        {
            return NamespacedIssuerVerdict.Unrestricted;
        }

        if (skipTlsVerify)
        {
            return NamespacedIssuerVerdict.Refused(
                "spec.acme.skipTLSVerify is not allowed for namespaced Issuers on this cluster (--restrict-namespaced-issuers); use caBundle or a ClusterIssuer");
        }

        var host = server.IdnHost;
        if (restrictions.IsListed(host))
        {
            return NamespacedIssuerVerdict.Unrestricted;
        }

        if (restrictions.AllowedAcmeHosts.Count > 0)
        {
            return NamespacedIssuerVerdict.Refused(
                $"ACME server host {SafeExcerpt.From(host, 100)} is not in the list namespaced Issuers may use (--namespaced-issuer-acme-servers)");
        }

        foreach (var address in resolved ?? [])
        {
            var addressClass = AddressRules.Classify(address);
            if (addressClass != AddressClass.Public)
            {
                return NamespacedIssuerVerdict.Refused(
                    $"ACME server {SafeExcerpt.From(host, 100)} resolves to a {OutboundAddressRefusedException.Describe(addressClass)} address; " +
                    "namespaced Issuers may only use public ACME servers on this cluster (--restrict-namespaced-issuers)");
            }
        }

        return NamespacedIssuerVerdict.Guarded;
    }
}

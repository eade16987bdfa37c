using System.Net;
using System.Net.Sockets;
using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>The I/O half of <see cref="NamespacedIssuerPolicy"/>: resolves the server's host when the policy needs its addresses.</summary>
public static class NamespacedIssuerCheck
{
    public static async Task<NamespacedIssuerVerdict> EvaluateAsync(
        NamespacedIssuerRestrictions restrictions, IGenericIssuer issuer, Uri server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var clusterScoped = issuer is ClusterIssuer;
        var skipTlsVerify = issuer.Spec.Acme?.SkipTlsVerify == true;
        IReadOnlyList<IPAddress>? resolved = null;
        if (!skipTlsVerify && NamespacedIssuerPolicy.NeedsAddressCheck(restrictions, clusterScoped, server))
        {
            try
            {
                resolved = await Dns.GetHostAddressesAsync(server.IdnHost, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // Unresolvable now: the guarded connection checks whatever it resolves to later, and fails meanwhile.
                resolved = null;
            }
        }

        return NamespacedIssuerPolicy.Evaluate(restrictions, clusterScoped, server, skipTlsVerify, resolved);
    }
}

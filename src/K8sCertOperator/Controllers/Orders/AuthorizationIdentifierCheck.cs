using K8sCertOperator.Acme.Resources;
using AcmeAuthorization = K8sCertOperator.Api.Acme.AcmeAuthorization;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Pure check that every authorization the ACME server returned is for a name the Order asked for. An Issuer's
/// server is not trusted to choose the host the operator claims (an Ingress host, a DNS record): an authorization
/// for anything else refuses the whole Order before any Challenge exists.
/// </summary>
public static class AuthorizationIdentifierCheck
{
    /// <summary>Why the Order must be refused, or null when every authorization names a requested identifier.</summary>
    public static string? Check(OrderSpec spec, IEnumerable<AcmeAuthorization> authorizations)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(authorizations);
        var requested = OrderCreator.Identifiers(spec).Select(i => i.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var authz in authorizations)
        {
            var identifier = authz.Identifier ?? "";
            var named = AcmeIdentifier.Parse(authz.Wildcard == true ? "*." + identifier : identifier).Value;
            if (identifier.Length == 0 || !requested.Contains(named))
            {
                return $"the ACME server returned an authorization for '{Quote(authz.Wildcard == true ? "*." + identifier : identifier)}', " +
                       $"which this Order did not request ({string.Join(", ", requested.Order(StringComparer.Ordinal))}); refusing to act on it";
            }
        }
        return null;
    }

    // The identifier comes from the ACME server: keep what lands in status and Events short and printable.
    private static string Quote(string value)
    {
        var printable = new string([.. value.Where(c => !char.IsControl(c))]);
        return printable.Length <= 253 ? printable : printable[..253] + "…";
    }
}

using K8sCertOperator.Acme.Resources;
using AcmeAuthorization = K8sCertOperator.Api.Acme.AcmeAuthorization;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Pure check that every authorization the ACME server returned is for a name the Order asked for. An Issuer's
/// server is not trusted to choose the host the operator claims (an Ingress host, a DNS record): an authorization
/// for anything else refuses the whole Order before any Challenge exists. Challenge tokens, which end up in an
/// Ingress path and a DNS record's value, must be base64url as RFC 8555 §8.1 says (no '/', '.', '%', …).
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
            // Only the types the operator solves; it never touches the token of any other.
            if ((authz.Challenges ?? []).FirstOrDefault(c => ChallengeTypes.FromAcme(c.Type) is { } ours && ChallengeTypes.UsesToken(ours) && !IsBase64Url(c.Token)) is { } bad)
            {
                return $"the ACME server returned a {Quote(bad.Type)} challenge for '{Quote(identifier)}' whose token is not base64url; refusing to act on it";
            }
        }
        return null;
    }

    private const int MaxTokenLength = 256;

    private static bool IsBase64Url(string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= MaxTokenLength
        && token.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    // The identifier comes from the ACME server: keep what lands in status and Events short and printable.
    private static string Quote(string value)
    {
        var printable = new string([.. value.Where(c => !char.IsControl(c))]);
        return printable.Length <= 253 ? printable : printable[..253] + "…";
    }
}

using K8sCertOperator.Api;

namespace K8sCertOperator.Policies;

/// <summary>Annotation keys read by the re-issue policies.</summary>
public static class PolicyAnnotations
{
    /// <summary>
    /// On a Certificate: RFC 3339 time at which a user asked for a renewal (our equivalent of cmctl renew).
    /// The issuing step copies the value onto the Secret it writes, so the request counts as handled even when
    /// the issuer back-dates notBefore (Let's Encrypt does, by an hour).
    /// </summary>
    public const string RenewRequestedAt = ApiGroups.Cert + "/renew-requested-at";
}

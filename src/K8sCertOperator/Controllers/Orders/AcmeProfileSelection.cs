using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Pure choice of the ACME profile (draft-ietf-acme-profiles) for one order, and the refusal of one the CA does not
/// offer. The Certificate's <c>acme.k8scert.io/profile</c> annotation (an Ingress's, through the ingress-shim) overrides
/// the issuer's <c>acme.profile</c>; a blank annotation is no override.
/// </summary>
public static class AcmeProfileSelection
{
    /// <summary>The profile to order with, or null for the CA's default.</summary>
    public static string? Resolve(IReadOnlyDictionary<string, string>? certificateAnnotations, string? issuerProfile)
    {
        if (certificateAnnotations is not null
            && certificateAnnotations.TryGetValue(AnnotationKeys.AcmeProfile, out var wanted)
            && !string.IsNullOrWhiteSpace(wanted))
        {
            return wanted.Trim();
        }
        return string.IsNullOrWhiteSpace(issuerProfile) ? null : issuerProfile.Trim();
    }

    /// <summary>
    /// Why <paramref name="profile"/> must not be sent to a CA whose directory lists <paramref name="offered"/>
    /// (its <c>meta.profiles</c>), or null when it may (or when no profile is asked for).
    /// </summary>
    public static string? Refusal(string? profile, IReadOnlyDictionary<string, string>? offered)
    {
        if (string.IsNullOrEmpty(profile) || (offered is not null && offered.ContainsKey(profile)))
        {
            return null;
        }
        var list = offered is { Count: > 0 } ? "it offers: " + string.Join(", ", offered.Keys.Order(StringComparer.Ordinal)) : "it offers no profiles";
        return $"the ACME server does not offer profile '{profile}' ({list}); set {AnnotationKeys.AcmeProfile} or the issuer's acme.profile to one of those, or remove it";
    }
}

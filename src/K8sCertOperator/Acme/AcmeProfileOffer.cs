using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>
/// Whether the directory's meta.profiles (draft-ietf-acme-profiles) offers a profile, and the message that
/// names what it does offer when not: asking for a profile a CA does not list must fail before any order.
/// </summary>
public static class AcmeProfileOffer
{
    /// <summary>Null when <paramref name="profile"/> is offered; otherwise why not, with the offered names.</summary>
    public static string? Problem(AcmeDirectory directory, string profile)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(profile);
        if (directory.HasProfile(profile))
        {
            return null;
        }
        var offered = directory.Meta?.Profiles?.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
        return offered.Count == 0
            ? $"the ACME server offers no profiles (its directory has no meta.profiles), so profile '{profile}' cannot be requested"
            : $"the ACME server does not offer profile '{profile}'; it offers: {string.Join(", ", offered)}";
    }
}

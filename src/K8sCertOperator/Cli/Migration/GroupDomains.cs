using K8sCertOperator.Api;

namespace K8sCertOperator.Cli.Migration;

/// <summary>
/// Rewrites names that live under one flavour's domains into the other's: API groups (<c>cert-manager.io</c>,
/// <c>acme.cert-manager.io</c>), annotation and label keys and finalizers (<c>cert-manager.io/issuer-name</c>,
/// <c>controller.cert-manager.io/fao</c>). Only the three domains the two APIs share change; other subdomains
/// (an external issuer's <c>awspca.cert-manager.io</c>, <c>venafi.cert-manager.io/</c> keys) are returned as they are.
/// </summary>
public static class GroupDomains
{
    // cert-manager's legacy Challenge finalizer has no slash; ours is acme.k8scert.io/finalizer.
    private const string LegacyCertManagerFinalizer = "finalizer.acme." + ApiGroups.CertManager;
    private const string CertManagerFinalizer = "acme." + ApiGroups.CertManager + "/finalizer";

    // Subdomains both APIs use: the certificate group, the ACME group and the controller's labels.
    private static readonly string[] SharedSubdomains = ["", "acme.", "controller."];

    public static string Domain(ManifestApi flavor) => flavor == ManifestApi.K8sCert ? ApiGroups.Cert : ApiGroups.CertManager;

    /// <summary>The other flavour of <paramref name="flavor"/>.</summary>
    public static ManifestApi Other(ManifestApi flavor) => flavor == ManifestApi.K8sCert ? ManifestApi.CertManager : ManifestApi.K8sCert;

    /// <summary>An API group or key domain of the other flavour (e.g. <c>acme.cert-manager.io</c>) in <paramref name="to"/>'s spelling.</summary>
    public static string Group(string group, ManifestApi to)
    {
        ArgumentNullException.ThrowIfNull(group);
        var from = Domain(Other(to));
        foreach (var sub in SharedSubdomains)
        {
            if (group == sub + from)
            {
                return sub + Domain(to);
            }
        }
        return group;
    }

    /// <summary>An apiVersion <c>group/version</c>; core ("v1") and other groups pass through.</summary>
    public static string ApiVersion(string apiVersion, ManifestApi to)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? apiVersion : Group(apiVersion[..slash], to) + apiVersion[slash..];
    }

    /// <summary>A prefixed key (annotation, label or finalizer): the prefix before '/' is a group-like domain.</summary>
    public static string Key(string key, ManifestApi to)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (to == ManifestApi.K8sCert && key == LegacyCertManagerFinalizer)
        {
            key = CertManagerFinalizer;
        }
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : Group(key[..slash], to) + key[slash..];
    }
}

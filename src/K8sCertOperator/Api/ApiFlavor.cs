namespace K8sCertOperator.Api;

/// <summary>
/// Which API the operator serves, chosen at start-up (--api-mode): its own groups (k8scert.io, acme.k8scert.io) or
/// cert-manager's (cert-manager.io, acme.cert-manager.io), which share field names with ours. The code speaks the
/// native names (<see cref="ApiGroups"/>, <see cref="AnnotationKeys"/>, <see cref="LabelKeys"/>); a flavor maps them
/// to the names on the wire: API groups, apiVersions, and domain-qualified annotation, label and finalizer keys
/// (<c>k8scert.io/x</c>, <c>acme.k8scert.io/x</c>, <c>controller.k8scert.io/x</c> become the same under cert-manager.io).
/// </summary>
public sealed record ApiFlavor
{
    private ApiFlavor(string mode, string certGroup)
    {
        Mode = mode;
        CertGroup = certGroup;
    }

    /// <summary>The operator's own API (the default): the identity mapping.</summary>
    public static ApiFlavor K8sCert { get; } = new("k8scert", ApiGroups.Cert);

    /// <summary>cert-manager's API: the CRDs cert-manager installed, reconciled unchanged.</summary>
    public static ApiFlavor CertManager { get; } = new("cert-manager", ApiGroups.CertManager);

    /// <summary>Every flavor, by its --api-mode name.</summary>
    public static IReadOnlyList<ApiFlavor> All { get; } = [K8sCert, CertManager];

    /// <summary>The --api-mode / chart apiMode value.</summary>
    public string Mode { get; }

    /// <summary>Group of Certificate, Issuer, ClusterIssuer and CertificateRequest on the wire.</summary>
    public string CertGroup { get; }

    /// <summary>Group of Order and Challenge on the wire.</summary>
    public string AcmeGroup => "acme." + CertGroup;

    /// <summary>True for the operator's own API, where nothing is renamed.</summary>
    public bool IsNative => CertGroup == ApiGroups.Cert;

    public string CertApiVersion => CertGroup + "/" + ApiGroups.Version;

    public string AcmeApiVersion => AcmeGroup + "/" + ApiGroups.Version;

    /// <summary>Prefix of the annotations the operator reads and writes in this flavor, e.g. <c>cert-manager.io/</c>.</summary>
    public string AnnotationPrefix => CertGroup + "/";

    /// <summary>The flavor named <paramref name="mode"/> (case-insensitive), or null.</summary>
    public static ApiFlavor? Find(string? mode) =>
        All.FirstOrDefault(f => string.Equals(f.Mode, mode?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Where a native resource lives in this flavor (its group renamed).</summary>
    public ResourceDescriptor Resolve(ResourceDescriptor native)
    {
        ArgumentNullException.ThrowIfNull(native);
        return native with { Group = ToWireDomain(native.Group) };
    }

    /// <summary>A native group or DNS domain (k8scert.io, acme.k8scert.io, controller.k8scert.io) as written on the wire.</summary>
    public string ToWireDomain(string domain) => Rename(domain, ApiGroups.Cert, CertGroup);

    /// <summary>A wire group or domain as the code knows it.</summary>
    public string FromWireDomain(string domain) => Rename(domain, CertGroup, ApiGroups.Cert);

    /// <summary>A domain-qualified key (annotation, label, finalizer) or an apiVersion, as written on the wire.</summary>
    public string ToWireKey(string key) => RenameQualified(key, ToWireDomain);

    /// <summary>A key or apiVersion read from the wire, as the code knows it.</summary>
    public string FromWireKey(string key) => RenameQualified(key, FromWireDomain);

    public override string ToString() => Mode;

    private static string RenameQualified(string key, Func<string, string> rename)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? key : rename(key[..slash]) + key[slash..];
    }

    private static string Rename(string domain, string from, string to)
    {
        if (from == to)
        {
            return domain;
        }

        if (domain == from)
        {
            return to;
        }

        return domain.EndsWith("." + from, StringComparison.Ordinal) ? domain[..^from.Length] + to : domain;
    }
}

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// The labels a shim puts on the Certificates it creates. cert-manager's shims copy the annotated object's labels
/// (except the kubectl ApplySet membership label, which would get the Certificate pruned as part of the user's apply
/// set) and reset them on every sync; in cert-manager's API ours do the same. In our API Certificate labels are the
/// user's and are left alone.
/// </summary>
public static class ShimCertificateLabels
{
    /// <summary>kubectl's ApplySet membership label, never copied (cert-manager issue 7306).</summary>
    public const string ApplySetPartOf = "applyset.kubernetes.io/part-of";

    /// <summary>
    /// The labels to keep on the Certificate (empty: none), or null when the shim does not manage labels. Keys are
    /// returned in native spelling, as the Certificate client renames them back to the served API's on the wire.
    /// </summary>
    /// <param name="ownerLabels">The annotated object's labels as on the wire.</param>
    public static Dictionary<string, string>? FromOwner(IDictionary<string, string>? ownerLabels, ShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Flavor.IsNative)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        // A key already in native spelling (k8scert.io/x) would leave as the served one (cert-manager.io/x): the
        // served spelling wins if both are present.
        foreach (var (key, value) in (ownerLabels ?? new Dictionary<string, string>()).OrderBy(kv => options.Flavor.FromWireKey(kv.Key) == kv.Key ? 0 : 1))
        {
            if (key != ApplySetPartOf)
            {
                labels[options.Flavor.FromWireKey(key)] = value;
            }
        }

        return labels;
    }
}

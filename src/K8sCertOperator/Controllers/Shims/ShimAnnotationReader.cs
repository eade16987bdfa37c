namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Reads shim annotations (on an Ingress, Gateway or ListenerSet): our k8scert.io/* key first, then (with the migration flag) the
/// cert-manager.io/* spelling of the same key.
/// </summary>
public sealed class ShimAnnotationReader(IDictionary<string, string>? annotations, bool certManagerAnnotations)
{
    private readonly IDictionary<string, string> _annotations = annotations ?? new Dictionary<string, string>();

    /// <summary>The value, or null when neither spelling is present.</summary>
    public string? Get(string ourKey)
    {
        if (_annotations.TryGetValue(ourKey, out var value))
        {
            return value;
        }

        return certManagerAnnotations && _annotations.TryGetValue(ShimAnnotations.CertManagerKey(ourKey), out var legacy) ? legacy : null;
    }

    /// <summary>The key the value came from, for messages ("k8scert.io/duration" or "cert-manager.io/duration").</summary>
    public string SourceKey(string ourKey) =>
        !_annotations.ContainsKey(ourKey) && certManagerAnnotations && _annotations.ContainsKey(ShimAnnotations.CertManagerKey(ourKey))
            ? ShimAnnotations.CertManagerKey(ourKey)
            : ourKey;

    /// <summary>Raw lookup of a key that has only one spelling (kubernetes.io/tls-acme).</summary>
    public string? Raw(string key) => _annotations.TryGetValue(key, out var value) ? value : null;
}

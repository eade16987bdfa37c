using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Reads shim annotations (on an Ingress, Gateway or ListenerSet) by their native key (<see cref="AnnotationKeys"/>),
/// in the spelling the served API uses. Our API: the k8scert.io/* key first, then (with the migration flag) the
/// cert-manager.io/* spelling of the same key. cert-manager's API: only the cert-manager.io/* key, as cert-manager
/// reads it (a k8scert.io/* key there belongs to an operator serving our API, so it is not acted on twice).
/// </summary>
public sealed class ShimAnnotationReader
{
    private readonly IDictionary<string, string> _annotations;
    private readonly ApiFlavor _flavor;
    private readonly bool _certManagerAnnotations;

    /// <param name="annotations">The object's annotations as on the wire.</param>
    /// <param name="certManagerAnnotations">Our API only: also read the cert-manager.io/* spelling.</param>
    /// <param name="flavor">The served API (default: ours).</param>
    public ShimAnnotationReader(IDictionary<string, string>? annotations, bool certManagerAnnotations, ApiFlavor? flavor = null)
    {
        _annotations = annotations ?? new Dictionary<string, string>();
        _flavor = flavor ?? ApiFlavor.K8sCert;
        _certManagerAnnotations = certManagerAnnotations;
    }

    /// <summary>The value, or null when no spelling read in this API is present.</summary>
    public string? Get(string ourKey) => _annotations.TryGetValue(SourceKey(ourKey), out var value) ? value : null;

    /// <summary>
    /// The key the value comes from (or would), for messages: "k8scert.io/duration" or "cert-manager.io/duration".
    /// </summary>
    public string SourceKey(string ourKey)
    {
        ArgumentNullException.ThrowIfNull(ourKey);
        if (!_flavor.IsNative)
        {
            return _flavor.ToWireKey(ourKey);
        }

        return !_annotations.ContainsKey(ourKey) && _certManagerAnnotations && _annotations.ContainsKey(ShimAnnotations.CertManagerKey(ourKey))
            ? ShimAnnotations.CertManagerKey(ourKey)
            : ourKey;
    }

    /// <summary>Raw lookup of a key that has only one spelling (kubernetes.io/tls-acme).</summary>
    public string? Raw(string key) => _annotations.TryGetValue(key, out var value) ? value : null;
}

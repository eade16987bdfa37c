using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>The resources the stand-in serves, keyed by group, version and plural.</summary>
public sealed class ResourceRegistry
{
    private readonly ConcurrentDictionary<(string Group, string Version, string Plural), ResourceType> _types = new();

    /// <summary>A registry holding the built-in resources an operator typically touches.</summary>
    public static ResourceRegistry WithBuiltIns()
    {
        var registry = new ResourceRegistry();
        registry.Register(new ResourceType("", "v1", "namespaces", "Namespace", Namespaced: false, HasStatusSubresource: true));
        registry.Register(new ResourceType("", "v1", "secrets", "Secret", Namespaced: true, HasStatusSubresource: false));
        registry.Register(new ResourceType("", "v1", "configmaps", "ConfigMap", Namespaced: true, HasStatusSubresource: false));
        registry.Register(new ResourceType("", "v1", "services", "Service", Namespaced: true, HasStatusSubresource: true));
        registry.Register(new ResourceType("", "v1", "events", "Event", Namespaced: true, HasStatusSubresource: false));
        registry.Register(new ResourceType("", "v1", "pods", "Pod", Namespaced: true, HasStatusSubresource: true));
        registry.Register(new ResourceType("", "v1", "serviceaccounts", "ServiceAccount", Namespaced: true, HasStatusSubresource: false));
        registry.Register(new ResourceType("coordination.k8s.io", "v1", "leases", "Lease", Namespaced: true, HasStatusSubresource: false));
        registry.Register(new ResourceType("networking.k8s.io", "v1", "ingresses", "Ingress", Namespaced: true, HasStatusSubresource: true));
        registry.Register(new ResourceType("events.k8s.io", "v1", "events", "Event", Namespaced: true, HasStatusSubresource: false));
        // What `kubectl apply -k config/default` installs besides CRDs, Services and the Namespace.
        registry.Register(new ResourceType("apps", "v1", "deployments", "Deployment", Namespaced: true, HasStatusSubresource: true));
        registry.Register(new ResourceType("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", Namespaced: false, HasStatusSubresource: false));
        registry.Register(new ResourceType("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", Namespaced: false, HasStatusSubresource: false));
        registry.Register(new ResourceType("rbac.authorization.k8s.io", "v1", "roles", "Role", Namespaced: true, HasStatusSubresource: false));
        registry.Register(new ResourceType("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", Namespaced: true, HasStatusSubresource: false));
        registry.Register(new ResourceType(
            "apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition",
            Namespaced: false, HasStatusSubresource: true));
        return registry;
    }

    /// <summary>Every registered resource.</summary>
    public IReadOnlyList<ResourceType> All => [.. _types.Values.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Plural, StringComparer.Ordinal)];

    /// <summary>Adds or replaces a resource.</summary>
    public void Register(ResourceType type) => _types[(type.Group, type.Version, type.Plural)] = type;

    /// <summary>Removes every version of a resource (used when its CRD is deleted).</summary>
    public void Unregister(string group, string plural)
    {
        foreach (var key in _types.Keys.Where(k => k.Group == group && k.Plural == plural))
        {
            _types.TryRemove(key, out _);
        }
    }

    /// <summary>The resource served at the given coordinates, or null.</summary>
    public ResourceType? Find(string group, string version, string plural) =>
        _types.TryGetValue((group, version, plural), out var type) ? type : null;

    /// <summary>The resource for an apiVersion/kind pair (used for ownerReferences), or null.</summary>
    public ResourceType? FindByKind(string apiVersion, string kind) =>
        _types.Values.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);

    /// <summary>
    /// Registers every served version of a CustomResourceDefinition, as the real server starts
    /// serving a CRD's resources once it is established.
    /// </summary>
    public IReadOnlyList<ResourceType> RegisterCrd(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? throw new ArgumentException("CRD has no spec", nameof(crd));
        var group = (string?)spec["group"] ?? throw new ArgumentException("CRD has no spec.group", nameof(crd));
        var names = spec["names"] as JsonObject ?? throw new ArgumentException("CRD has no spec.names", nameof(crd));
        var plural = (string?)names["plural"] ?? throw new ArgumentException("CRD has no spec.names.plural", nameof(crd));
        var kind = (string?)names["kind"] ?? throw new ArgumentException("CRD has no spec.names.kind", nameof(crd));
        var namespaced = !string.Equals((string?)spec["scope"], "Cluster", StringComparison.Ordinal);
        var registered = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"] is JsonValue served && served.TryGetValue<bool>(out var isServed) && !isServed)
            {
                continue;
            }
            var name = (string?)version["name"] ?? throw new ArgumentException("CRD version has no name", nameof(crd));
            var hasStatus = version["subresources"]?["status"] is not null;
            var type = new ResourceType(group, name, plural, kind, namespaced, hasStatus, AllowUnconditionalUpdate: false)
            {
                Validator = Validation.CustomResourceValidator.For(version["schema"]?["openAPIV3Schema"] as JsonObject),
            };
            Register(type);
            registered.Add(type);
        }
        return registered;
    }
}

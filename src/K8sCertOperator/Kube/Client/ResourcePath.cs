using System.Reflection;
using System.Text;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// Where a resource lives in the API: <c>/api/v1</c> for the core group, <c>/apis/GROUP/VERSION</c> otherwise,
/// then <c>namespaces/NS/</c> for namespaced kinds, the plural and optionally a name and subresource.
/// </summary>
public sealed record ResourcePath(string Group, string Version, string Plural, bool Namespaced)
{
    /// <summary>The path of a custom resource type from its <see cref="KubernetesEntityAttribute"/>.</summary>
    public static ResourcePath Of<T>(bool clusterScoped = false)
    {
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no [KubernetesEntity] attribute");
        var version = entity.ApiVersion ?? throw new InvalidOperationException($"{typeof(T).Name}: KubernetesEntity.ApiVersion is required");
        var plural = string.IsNullOrEmpty(entity.PluralName) ? entity.Kind.ToLowerInvariant() + "s" : entity.PluralName;
        return new ResourcePath(entity.Group ?? string.Empty, version, plural, !clusterScoped);
    }

    /// <summary>The collection (list, watch, create): all namespaces when <paramref name="namespace"/> is null.</summary>
    public string Collection(string? @namespace)
    {
        var path = new StringBuilder(Group.Length == 0 ? $"api/{Version}/" : $"apis/{Group}/{Version}/");
        if (Namespaced && @namespace is not null)
        {
            path.Append("namespaces/").Append(Uri.EscapeDataString(@namespace)).Append('/');
        }
        return path.Append(Plural).ToString();
    }

    /// <summary>One object, or its <paramref name="subresource"/> (status).</summary>
    public string Item(string? @namespace, string name, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"namespace is required for {Plural}");
        }
        var path = Collection(Namespaced ? @namespace : null) + "/" + Uri.EscapeDataString(name);
        return subresource is null ? path : path + "/" + subresource;
    }
}

using System.Reflection;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// apiVersion/kind of a type from its <see cref="KubernetesEntityAttribute"/>. List responses omit them on
/// items, and the API server rejects custom-resource bodies without a kind, so the adapters fill them in.
/// </summary>
public static class TypeMeta
{
    /// <summary>(apiVersion, kind) for <paramref name="type"/>, or nulls when it has no entity attribute.</summary>
    public static (string? ApiVersion, string? Kind) Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
        if (entity is null)
        {
            return (null, null);
        }

        var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
        return (apiVersion, entity.Kind);
    }

    /// <summary>Sets apiVersion and kind when missing; returns the same object.</summary>
    public static T Ensure<T>(T obj)
        where T : IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (string.IsNullOrEmpty(obj.ApiVersion) || string.IsNullOrEmpty(obj.Kind))
        {
            var (apiVersion, kind) = Of(obj.GetType());
            obj.ApiVersion = string.IsNullOrEmpty(obj.ApiVersion) ? apiVersion : obj.ApiVersion;
            obj.Kind = string.IsNullOrEmpty(obj.Kind) ? kind : obj.Kind;
        }

        return obj;
    }
}

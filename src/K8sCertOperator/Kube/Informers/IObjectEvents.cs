using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Informers;

/// <summary>Change notifications without a cache: for objects too many to hold, of which only a few matter.</summary>
public interface IObjectEvents<out T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Raised for an object created, changed or deleted, and for every object a (re)list finds.</summary>
    event Action<T>? OnChange;
}

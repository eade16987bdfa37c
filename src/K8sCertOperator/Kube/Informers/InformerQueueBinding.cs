using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Queue;

namespace K8sCertOperator.Kube.Informers;

/// <summary>Connects informer notifications to a work queue: every add, update and delete enqueues keys.</summary>
public static class InformerQueueBinding
{
    /// <summary>
    /// Enqueues the object's own key, or the keys <paramref name="mapKeys"/> returns (e.g. a Secret's owning
    /// Certificate). For updates both the old and new object are mapped, so a changed owner reference reaches both owners.
    /// </summary>
    public static void EnqueueOnChange<T>(this IInformer<T> informer, IWorkQueue<ObjectKey> queue, Func<T, IEnumerable<ObjectKey>>? mapKeys = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(queue);
        var map = mapKeys ?? (obj => [ObjectKey.From(obj)]);

        void Enqueue(T obj)
        {
            foreach (var key in map(obj))
            {
                queue.Add(key);
            }
        }

        informer.OnAdd += Enqueue;
        informer.OnUpdate += (oldObj, newObj) =>
        {
            Enqueue(oldObj);
            Enqueue(newObj);
        };
        informer.OnDelete += Enqueue;
    }
}

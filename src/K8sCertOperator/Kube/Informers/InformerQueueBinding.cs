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

    /// <summary>
    /// Like <see cref="EnqueueOnChange{T}"/> for a watch that only some changes concern: adds and updates enqueue the
    /// mapped keys when <paramref name="matters"/> says so (old is null for an add); deletes always do.
    /// </summary>
    public static void EnqueueWhen<T>(this IInformer<T> informer, IWorkQueue<ObjectKey> queue, Func<T?, T, bool> matters, Func<T, IEnumerable<ObjectKey>> mapKeys)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(mapKeys);

        void Enqueue(T obj)
        {
            foreach (var key in mapKeys(obj))
            {
                queue.Add(key);
            }
        }

        informer.OnAdd += obj =>
        {
            if (matters(null, obj))
            {
                Enqueue(obj);
            }
        };
        informer.OnUpdate += (oldObj, newObj) =>
        {
            if (matters(oldObj, newObj))
            {
                Enqueue(newObj);
            }
        };
        informer.OnDelete += Enqueue;
    }
}

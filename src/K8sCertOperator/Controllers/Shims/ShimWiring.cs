using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// The informer wiring every shim shares (Ingresses, Gateways, ListenerSets): Certificates indexed by their controlling
/// object's uid and "namespace/name" (found again once it is gone), the objects indexed by the Secrets they name; an
/// object change enqueues it, a Certificate change enqueues its controlling object and the objects that name it (a
/// conflicting Certificate going away lets them create their own).
/// </summary>
public static class ShimWiring
{
    /// <summary>Adds the indexes and queue bindings for <paramref name="source"/>.</summary>
    /// <param name="certificates">The Certificate informer.</param>
    /// <param name="queue">The shim controller's queue.</param>
    /// <param name="source">The objects, their ownership and the Certificate index names.</param>
    /// <param name="objectsBySecret">Name of the index on the objects by "namespace/secret" of each Secret they name.</param>
    /// <param name="secretKeys">"namespace/secret" of each Secret an object names.</param>
    public static void Wire<T>(
        IInformer<Certificate> certificates, IWorkQueue<ObjectKey> queue, ShimSource<T> source, string objectsBySecret, Func<T, IEnumerable<string>> secretKeys)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(source);
        var ownership = source.Ownership;
        certificates.AddIndex(source.CertificatesByOwnerUid, c => ownership.ControllerUids(c.Metadata));
        certificates.AddIndex(source.CertificatesByOwnerName, c => ownership.ControllerKeys(c.Metadata).Select(k => ShimIndexKeys.Of(k.Namespace, k.Name)));
        source.Objects.AddIndex(objectsBySecret, secretKeys);
        source.Objects.EnqueueOnChange(queue);
        certificates.EnqueueOnChange(queue, c => KeysFor(c, ownership, source.Objects, objectsBySecret));
    }

    /// <summary>Wires <paramref name="source"/> and returns the reconciler that serves it.</summary>
    public static ShimReconciler<T> Build<T>(
        OperatorContext context, IWorkQueue<ObjectKey> queue, ShimSource<T> source, string objectsBySecret, Func<T, IEnumerable<string>> secretKeys)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(context);
        Wire(context.Informers.Certificates, queue, source, objectsBySecret, secretKeys);
        return new ShimReconciler<T>(context, source);
    }

    /// <summary>Objects a Certificate change concerns: its controller, and those that name it in <paramref name="bySecret"/>.</summary>
    public static IEnumerable<ObjectKey> KeysFor<T>(Certificate certificate, ShimOwnership ownership, IInformer<T> objects, string bySecret)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(ownership);
        ArgumentNullException.ThrowIfNull(objects);
        var keys = new HashSet<ObjectKey>(ownership.ControllerKeys(certificate.Metadata));
        foreach (var named in objects.ByIndex(bySecret, ShimIndexKeys.Of(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name)))
        {
            keys.Add(ObjectKey.From(named));
        }

        return keys;
    }
}

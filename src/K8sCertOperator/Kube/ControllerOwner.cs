using k8s.Models;

namespace K8sCertOperator.Kube;

/// <summary>The controller owner reference to an object: the garbage collector removes the dependent with it.</summary>
public static class ControllerOwner
{
    /// <param name="blockOwnerDeletion">
    /// Foreground deletion of the owner waits for the dependent; the writer then needs update on the owner's finalizers.
    /// </param>
    public static V1OwnerReference Reference(string apiVersion, string kind, V1ObjectMeta owner, bool blockOwnerDeletion = true)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new V1OwnerReference
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = owner.Name,
            Uid = owner.Uid,
            Controller = true,
            BlockOwnerDeletion = blockOwnerDeletion ? true : null,
        };
    }
}

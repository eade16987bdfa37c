using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>Which Gateway a ListenerSet's spec.parentRef names (group and kind default to Gateway API's Gateway).</summary>
public static class ListenerSetParent
{
    /// <summary>The parent Gateway's key, or null when parentRef names no Gateway.</summary>
    public static ObjectKey? GatewayKey(ListenerSet listenerSet)
    {
        ArgumentNullException.ThrowIfNull(listenerSet);
        var parent = listenerSet.Spec?.ParentRef;
        if (parent is null || string.IsNullOrEmpty(parent.Name))
        {
            return null;
        }

        var group = string.IsNullOrEmpty(parent.Group) ? GatewayApiGroup.Group : parent.Group;
        var kind = string.IsNullOrEmpty(parent.Kind) ? GatewayApiGroup.GatewayKind : parent.Kind;
        if (group != GatewayApiGroup.Group || kind != GatewayApiGroup.GatewayKind)
        {
            return null;
        }

        return new ObjectKey(string.IsNullOrEmpty(parent.Namespace) ? listenerSet.Metadata.NamespaceProperty : parent.Namespace, parent.Name);
    }
}

using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>
/// How Gateways and ListenerSets own their Certificates. No blockOwnerDeletion: with OwnerReferencesPermissionEnforcement
/// it would need update on gateways/finalizers, and the operator only reads Gateway API objects.
/// </summary>
public static class GatewayOwnership
{
    public static ShimOwnership Gateway { get; } = new(GatewayApiGroup.Group, GatewayApiGroup.ApiVersion, GatewayApiGroup.GatewayKind, BlockOwnerDeletion: false);

    public static ShimOwnership ListenerSet { get; } = new(GatewayApiGroup.Group, GatewayApiGroup.ApiVersion, GatewayApiGroup.ListenerSetKind, BlockOwnerDeletion: false);
}

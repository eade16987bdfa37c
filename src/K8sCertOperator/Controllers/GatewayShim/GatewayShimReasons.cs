namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>Warning Event reasons only the gateway-shim gives (annotation problems use the shared ShimProblem reasons).</summary>
public static class GatewayShimReasons
{
    /// <summary>A listener (or one of its certificateRefs, or an attached ListenerSet) gets no Certificate; the message says which and why.</summary>
    public const string ListenerSkipped = "ListenerSkipped";
}

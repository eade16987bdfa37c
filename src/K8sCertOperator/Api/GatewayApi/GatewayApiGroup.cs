namespace K8sCertOperator.Api.GatewayApi;

/// <summary>Names of the Gateway API (gateway.networking.k8s.io) resources the gateway-shim reads.</summary>
public static class GatewayApiGroup
{
    public const string Group = "gateway.networking.k8s.io";
    public const string Version = "v1";
    public const string ApiVersion = Group + "/" + Version;

    public const string GatewayKind = "Gateway";
    public const string GatewayPlural = "gateways";
    public const string ListenerSetKind = "ListenerSet";
    public const string ListenerSetPlural = "listenersets";

    /// <summary>Listener TLS modes.</summary>
    public const string TlsModeTerminate = "Terminate";
    public const string TlsModePassthrough = "Passthrough";

    /// <summary>Values of a Gateway's spec.allowedListeners.namespaces.from.</summary>
    public const string FromAll = "All";
    public const string FromSame = "Same";
    public const string FromSelector = "Selector";
    public const string FromNone = "None";
}

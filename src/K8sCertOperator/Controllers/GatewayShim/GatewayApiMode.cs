namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>--gateway-api: whether the gateway-shim runs.</summary>
public enum GatewayApiMode
{
    /// <summary>On when the API server serves gateway.networking.k8s.io/v1 Gateways at start-up, else off (logged once).</summary>
    Auto,

    /// <summary>Required: start-up fails when Gateways are not served.</summary>
    On,

    /// <summary>Never: no Gateway API object is read.</summary>
    Off,
}

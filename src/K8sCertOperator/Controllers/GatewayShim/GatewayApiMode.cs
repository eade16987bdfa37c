namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>--gateway-api: whether the gateway-shim runs.</summary>
public enum GatewayApiMode
{
    /// <summary>On when the API server serves gateway.networking.k8s.io/v1 Gateways, else off (logged once) until they appear (then the operator stops to be restarted).</summary>
    Auto,

    /// <summary>Required: start-up fails when Gateways are not served.</summary>
    On,

    /// <summary>Never: no Gateway API object is read.</summary>
    Off,
}

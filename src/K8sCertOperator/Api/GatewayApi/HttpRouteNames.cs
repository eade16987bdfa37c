namespace K8sCertOperator.Api.GatewayApi;

/// <summary>Group, versions and kinds of the Gateway API objects the HTTP-01 route solver writes.</summary>
public static class HttpRouteNames
{
    public const string Group = "gateway.networking.k8s.io";

    /// <summary>HTTPRoute is GA (v1) since Gateway API v1.0.</summary>
    public const string HttpRouteVersion = "v1";

    /// <summary>ReferenceGrant: v1beta1 is served by every Gateway API release since v0.6 (v1 only from v1.5).</summary>
    public const string ReferenceGrantVersion = "v1beta1";

    public const string HttpRouteKind = "HTTPRoute";
    public const string HttpRoutePlural = "httproutes";
    public const string ReferenceGrantKind = "ReferenceGrant";
    public const string ReferenceGrantPlural = "referencegrants";

    /// <summary>Default kind of a parentRef.</summary>
    public const string GatewayKind = "Gateway";

    /// <summary>Default kind of a backendRef (in the core group, "").</summary>
    public const string ServiceKind = "Service";

    public const string PathMatchExact = "Exact";
}

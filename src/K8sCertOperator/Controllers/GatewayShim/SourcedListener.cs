using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>A listener and where it was declared, for messages ("listener \"https\"", "ListenerSet \"extra\" listener \"https\"").</summary>
public sealed record SourcedListener(string Where, GatewayListener Listener);

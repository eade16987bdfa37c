using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>
/// Pure mapping of an annotated Gateway or ListenerSet to its Certificates. An annotated Gateway covers its own
/// listeners and those of the ListenerSets attached to it that carry no issuer annotation of their own (an annotated
/// ListenerSet is its own owner); such a ListenerSet must be in the Gateway's namespace (a Certificate is owned by the
/// annotated object, and owner references cannot cross namespaces) and allowed by the Gateway's spec.allowedListeners.
/// </summary>
public static class GatewayCertificateMapper
{
    public static ShimCertificateMapping MapGateway(Gateway gateway, IEnumerable<ListenerSet> attached, ShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(attached);
        ArgumentNullException.ThrowIfNull(options);
        var listeners = (gateway.Spec?.Listeners ?? []).Select(l => new SourcedListener($"listener \"{l.Name}\"", l)).ToList();
        var problems = new List<ShimProblem>();
        var from = gateway.Spec?.AllowedListeners?.Namespaces?.From ?? GatewayApiGroup.FromNone;
        foreach (var listenerSet in attached.OrderBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            if (HasOwnIssuer(listenerSet, options))
            {
                continue;
            }

            var name = $"ListenerSet {listenerSet.Metadata.NamespaceProperty}/{listenerSet.Metadata.Name}";
            if (listenerSet.Metadata.NamespaceProperty != gateway.Metadata.NamespaceProperty)
            {
                problems.Add(ListenerCertificatePolicy.Skipped($"{name} is in another namespace than the Gateway: annotate the ListenerSet itself to get its certificates"));
                continue;
            }

            if (from == GatewayApiGroup.FromNone)
            {
                problems.Add(ListenerCertificatePolicy.Skipped($"{name} is not allowed by the Gateway's spec.allowedListeners (from: None), so its listeners are not served"));
                continue;
            }

            listeners.AddRange((listenerSet.Spec?.Listeners ?? [])
                .Select(l => new SourcedListener($"ListenerSet \"{listenerSet.Metadata.Name}\" listener \"{l.Name}\"", l)));
        }

        return ListenerCertificatePolicy.Map(gateway, GatewayOwnership.Gateway, listeners, problems, options);
    }

    public static ShimCertificateMapping MapListenerSet(ListenerSet listenerSet, ShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(listenerSet);
        ArgumentNullException.ThrowIfNull(options);
        var listeners = (listenerSet.Spec?.Listeners ?? []).Select(l => new SourcedListener($"listener \"{l.Name}\"", l)).ToList();
        return ListenerCertificatePolicy.Map(listenerSet, GatewayOwnership.ListenerSet, listeners, [], options);
    }

    /// <summary>True when the ListenerSet names an issuer itself (so it, not its Gateway, owns its Certificates).</summary>
    public static bool HasOwnIssuer(ListenerSet listenerSet, ShimOptions options)
    {
        ArgumentNullException.ThrowIfNull(listenerSet);
        ArgumentNullException.ThrowIfNull(options);
        return ShimRequest.TryParse(listenerSet.Metadata.Annotations, options, out _) is not { Managed: false };
    }
}

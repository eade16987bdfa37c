using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Solvers.Http01.GatewayRoute;

/// <summary>Decides whether a solver HTTPRoute already in the cluster still does what the desired one would.</summary>
public static class ChallengeHttpRouteComparer
{
    /// <summary>
    /// True when attachment (parentRefs), hostnames and rules (path match and backend) match, with the Gateway API
    /// CRD defaults applied to both sides, and every desired label and annotation is present with its value.
    /// </summary>
    public static bool IsUpToDate(HttpRoute existing, HttpRoute desired)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        var (a, b) = (existing.Spec, desired.Spec);
        return a is not null
            && ChallengeSolverMetadata.Carries(existing.Metadata, desired.Metadata)
            && (a.Hostnames ?? []).SequenceEqual(b.Hostnames ?? [], StringComparer.Ordinal)
            && SameList(a.ParentRefs, b.ParentRefs, SameParent)
            && SameList(a.Rules, b.Rules, SameRule);
    }

    private static bool SameParent(ParentReference a, ParentReference b) =>
        (a.Group ?? HttpRouteNames.Group) == (b.Group ?? HttpRouteNames.Group)
        && OrDefault(a.Kind, HttpRouteNames.GatewayKind) == OrDefault(b.Kind, HttpRouteNames.GatewayKind)
        && OrDefault(a.Namespace, "") == OrDefault(b.Namespace, "")
        && a.Name == b.Name
        && OrDefault(a.SectionName, "") == OrDefault(b.SectionName, "")
        && a.Port == b.Port;

    private static bool SameRule(HttpRouteRule a, HttpRouteRule b) =>
        SameList(a.Matches, b.Matches, SameMatch) && SameList(a.BackendRefs, b.BackendRefs, SameBackend);

    // An absent path matcher is PathPrefix "/" (the CRD default), which no solver route uses.
    private static bool SameMatch(HttpRouteMatch a, HttpRouteMatch b) =>
        OrDefault(a.Path?.Type, "PathPrefix") == OrDefault(b.Path?.Type, "PathPrefix")
        && OrDefault(a.Path?.Value, "/") == OrDefault(b.Path?.Value, "/");

    private static bool SameBackend(HttpBackendRef a, HttpBackendRef b) =>
        (a.Group ?? "") == (b.Group ?? "")
        && OrDefault(a.Kind, HttpRouteNames.ServiceKind) == OrDefault(b.Kind, HttpRouteNames.ServiceKind)
        && a.Name == b.Name
        && OrDefault(a.Namespace, "") == OrDefault(b.Namespace, "")
        && a.Port == b.Port
        && (a.Weight ?? 1) == (b.Weight ?? 1);

    private static bool SameList<T>(List<T>? a, List<T>? b, Func<T, T, bool> same)
    {
        var (left, right) = (a ?? [], b ?? []);
        return left.Count == right.Count && left.Zip(right).All(p => same(p.First, p.Second));
    }

    private static string OrDefault(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}

using k8s.Models;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>Decides whether a solver Ingress already in the cluster still does what the desired one would.</summary>
public static class ChallengeIngressComparer
{
    /// <summary>
    /// True when routing (class, host, path, backend) matches exactly and every desired label and annotation is
    /// present with its value. Extra labels or annotations added by others (controllers, admission) are tolerated.
    /// </summary>
    public static bool IsUpToDate(V1Ingress existing, V1Ingress desired)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        return ChallengeSolverMetadata.Carries(existing.Metadata, desired.Metadata)
            && SameSpec(existing.Spec, desired.Spec);
    }

    private static bool SameSpec(V1IngressSpec? a, V1IngressSpec? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }
        return NullIfEmpty(a.IngressClassName) == NullIfEmpty(b.IngressClassName)
            && a.DefaultBackend is null == b.DefaultBackend is null
            && (a.Tls?.Count ?? 0) == (b.Tls?.Count ?? 0)
            && SameList(a.Rules, b.Rules, SameRule);
    }

    private static bool SameRule(V1IngressRule a, V1IngressRule b) =>
        NullIfEmpty(a.Host) == NullIfEmpty(b.Host)
        && SameList(a.Http?.Paths, b.Http?.Paths, SamePath);

    private static bool SamePath(V1HTTPIngressPath a, V1HTTPIngressPath b) =>
        a.Path == b.Path
        && a.PathType == b.PathType
        && a.Backend?.Resource is null == b.Backend?.Resource is null
        && a.Backend?.Service?.Name == b.Backend?.Service?.Name
        && a.Backend?.Service?.Port?.Number == b.Backend?.Service?.Port?.Number
        && NullIfEmpty(a.Backend?.Service?.Port?.Name) == NullIfEmpty(b.Backend?.Service?.Port?.Name);

    private static bool SameList<T>(IList<T>? a, IList<T>? b, Func<T, T, bool> same)
    {
        var (left, right) = (a ?? [], b ?? []);
        return left.Count == right.Count && left.Zip(right).All(p => same(p.First, p.Second));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

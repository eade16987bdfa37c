using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using k8s.Models;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// Name, labels and ownership shared by the solver pieces of one HTTP-01 Challenge (its Ingress and, in the
/// Challenge's namespace, its backend Service). All carry the operator's solver labels, so they are watched and
/// swept with one label selector; ownership is recorded in a label (uid) and annotations (namespace/name), and
/// in an ownerReference to the Challenge when they share its namespace.
/// </summary>
public static class ChallengeSolverMetadata
{
    public const string NamePrefix = "k8scert-http01-";

    // Not (yet) in LabelKeys/AnnotationKeys; kept here so this type alone defines and reads them.
    private const string ChallengeUidLabel = ApiGroups.Acme + "/challenge-uid";
    private const string ChallengeNamespaceAnnotation = ApiGroups.Acme + "/challenge-namespace";
    private const string ChallengeNameAnnotation = ApiGroups.Acme + "/challenge-name";

    private const int NameHashLength = 20;
    private const int LabelHashLength = 32;

    /// <summary>Metadata for a solver piece of <paramref name="challenge"/>, merged over the given template labels/annotations.</summary>
    public static V1ObjectMeta For(
        Challenge challenge,
        ChallengeIngressOptions options,
        IDictionary<string, string>? templateLabels = null,
        IDictionary<string, string>? templateAnnotations = null)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(options);
        var challengeNamespace = challenge.Metadata.NamespaceProperty ?? "";
        var ns = options.NamespaceFor(challengeNamespace);
        var labels = new Dictionary<string, string>(templateLabels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [LabelKeys.ManagedBy] = LabelKeys.ManagedByValue,
            [LabelKeys.AppManagedBy] = LabelKeys.ManagedByValue,
            [LabelKeys.AcmeHttp01Solver] = "true",
            [LabelKeys.AcmeHttpDomain] = HashLabelValue(challenge.Spec.DnsName.ToLowerInvariant()),
            [LabelKeys.AcmeHttpToken] = HashLabelValue(challenge.Spec.Token),
            [ChallengeUidLabel] = challenge.Metadata.Uid ?? "",
        };
        var annotations = new Dictionary<string, string>(templateAnnotations ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ChallengeNamespaceAnnotation] = challengeNamespace,
            [ChallengeNameAnnotation] = challenge.Metadata.Name ?? "",
        };
        return new V1ObjectMeta
        {
            Name = Name(challengeNamespace, challenge.Metadata.Name ?? "", challenge.Spec.Token),
            NamespaceProperty = ns,
            Labels = labels,
            Annotations = annotations,
            // Garbage collection removes the pieces with their Challenge; an owner in another namespace is invalid.
            OwnerReferences = ns == challengeNamespace
                ?
                [Kube.ControllerOwner.Reference(ApiGroups.AcmeApiVersion, ApiGroups.ChallengeKind, challenge.Metadata, blockOwnerDeletion: false)]
                : null,
        };
    }

    /// <summary><c>k8scert-http01-</c> + a hash of the Challenge and token: stable across reconciles, a valid DNS-1123 label.</summary>
    public static string Name(string challengeNamespace, string challengeName, string token) =>
        NamePrefix + Hash($"{challengeNamespace}/{challengeName}/{token}", NameHashLength);

    /// <summary>
    /// The name of <paramref name="challenge"/>'s solver pieces and every namespace they may be in (its own and the
    /// operator's: the placement option may have changed since they were made), for clean-up.
    /// </summary>
    public static (string Name, IReadOnlyList<string> Namespaces) PlacesOf(Challenge challenge, string operatorNamespace)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var challengeNamespace = challenge.Metadata.NamespaceProperty ?? "";
        return (Name(challengeNamespace, challenge.Metadata.Name ?? "", challenge.Spec.Token),
            [.. new[] { challengeNamespace, operatorNamespace }.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>A label-safe stand-in for a value too long or too free-form for a label (a domain, a token).</summary>
    public static string HashLabelValue(string value) => Hash(value, LabelHashLength);

    /// <summary>Label selector that finds the solver pieces of one Challenge.</summary>
    public static string LabelSelectorFor(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return $"{ChallengeUidLabel}={challenge.Metadata.Uid}";
    }

    /// <summary>Label selector for every solver piece the operator created.</summary>
    public static string LabelSelectorForAll() => $"{LabelKeys.AcmeHttp01Solver}=true,{LabelKeys.ManagedBy}={LabelKeys.ManagedByValue}";

    /// <summary>The owning Challenge recorded on a solver piece, for clean-up of orphans.</summary>
    public static bool TryGetOwner(V1ObjectMeta? metadata, out string challengeNamespace, out string challengeName, out string challengeUid)
    {
        challengeNamespace = Get(metadata?.Annotations, ChallengeNamespaceAnnotation);
        challengeName = Get(metadata?.Annotations, ChallengeNameAnnotation);
        challengeUid = Get(metadata?.Labels, ChallengeUidLabel);
        return challengeNamespace.Length > 0 && challengeName.Length > 0 && challengeUid.Length > 0;
    }

    /// <summary>
    /// True when <paramref name="existing"/> carries every label (and, unless told otherwise, annotation) of
    /// <paramref name="desired"/> with its value; extra entries added by others (controllers, admission) are tolerated.
    /// </summary>
    public static bool Carries(V1ObjectMeta? existing, V1ObjectMeta? desired, bool annotations = true) =>
        ContainsAll(existing?.Labels, desired?.Labels)
        && (!annotations || ContainsAll(existing?.Annotations, desired?.Annotations));

    private static bool ContainsAll(IDictionary<string, string>? actual, IDictionary<string, string>? wanted) =>
        wanted is null || wanted.All(kv => actual is not null && actual.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Get(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : "";

    private static string Hash(string value, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];
}

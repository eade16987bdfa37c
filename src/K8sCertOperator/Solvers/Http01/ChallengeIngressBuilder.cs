using System.Net;
using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using k8s.Models;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// Builds the temporary Ingress that routes one HTTP-01 challenge path to the operator's responder. The Ingress
/// lives in the operator namespace, so it cannot carry an ownerReference to the Challenge; ownership is
/// recorded in labels (the Challenge uid, for selection) and annotations (its namespace/name, for humans and GC).
/// </summary>
public static class ChallengeIngressBuilder
{
    public const string NamePrefix = "k8scert-http01-";

    /// <summary>Legacy class annotation, still the only way some controllers are selected.</summary>
    public const string LegacyIngressClassAnnotation = "kubernetes.io/ingress.class";

    // Not (yet) in LabelKeys/AnnotationKeys; kept here so the builder alone defines and reads them.
    private const string ChallengeUidLabel = ApiGroups.Acme + "/challenge-uid";
    private const string ChallengeNamespaceAnnotation = ApiGroups.Acme + "/challenge-namespace";
    private const string ChallengeNameAnnotation = ApiGroups.Acme + "/challenge-name";

    private const int NameHashLength = 20;
    private const int LabelHashLength = 32;

    /// <summary>The desired Ingress for an HTTP-01 Challenge; throws <see cref="ArgumentException"/> when the Challenge cannot use one.</summary>
    public static V1Ingress Build(Challenge challenge, ChallengeIngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(options);
        var spec = challenge.Spec;
        var solver = Validate(challenge);
        var uid = challenge.Metadata.Uid!;

        var labels = new Dictionary<string, string>(solver.IngressTemplate?.Metadata?.Labels ?? [], StringComparer.Ordinal)
        {
            [LabelKeys.ManagedBy] = LabelKeys.ManagedByValue,
            [LabelKeys.AppManagedBy] = LabelKeys.ManagedByValue,
            [LabelKeys.AcmeHttp01Solver] = "true",
            [LabelKeys.AcmeHttpDomain] = HashLabelValue(spec.DnsName.ToLowerInvariant()),
            [LabelKeys.AcmeHttpToken] = HashLabelValue(spec.Token),
            [ChallengeUidLabel] = uid,
        };
        var annotations = new Dictionary<string, string>(solver.IngressTemplate?.Metadata?.Annotations ?? [], StringComparer.Ordinal)
        {
            [ChallengeNamespaceAnnotation] = challenge.Metadata.NamespaceProperty ?? "",
            [ChallengeNameAnnotation] = challenge.Metadata.Name ?? "",
        };
        if (!string.IsNullOrEmpty(solver.Class))
        {
            annotations[LegacyIngressClassAnnotation] = solver.Class;
        }

        var path = new V1HTTPIngressPath
        {
            Path = Http01Responder.PathPrefix + spec.Token,
            PathType = "Exact",
            Backend = new V1IngressBackend
            {
                Service = new V1IngressServiceBackend
                {
                    Name = options.ServiceName,
                    Port = new V1ServiceBackendPort { Number = options.ServicePort },
                },
            },
        };
        return new V1Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new V1ObjectMeta
            {
                Name = IngressName(challenge.Metadata.NamespaceProperty ?? "", challenge.Metadata.Name ?? "", spec.Token),
                NamespaceProperty = options.OperatorNamespace,
                Labels = labels,
                Annotations = annotations,
            },
            Spec = new V1IngressSpec
            {
                IngressClassName = string.IsNullOrEmpty(solver.IngressClassName) ? null : solver.IngressClassName,
                Rules =
                [
                    new V1IngressRule
                    {
                        // An Ingress host cannot be an IP; for IP identifiers the token path alone routes the request.
                        Host = IPAddress.TryParse(spec.DnsName, out _) ? null : spec.DnsName,
                        Http = new V1HTTPIngressRuleValue { Paths = [path] },
                    },
                ],
            },
        };
    }

    /// <summary><c>k8scert-http01-</c> + a hash of the Challenge and token: stable across reconciles, a valid DNS-1123 label.</summary>
    public static string IngressName(string challengeNamespace, string challengeName, string token) =>
        NamePrefix + Hash($"{challengeNamespace}/{challengeName}/{token}", NameHashLength);

    /// <summary>A label-safe stand-in for a value too long or too free-form for a label (a domain, a token).</summary>
    public static string HashLabelValue(string value) => Hash(value, LabelHashLength);

    /// <summary>Label selector that finds the solver Ingresses of one Challenge.</summary>
    public static string LabelSelectorFor(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return $"{ChallengeUidLabel}={challenge.Metadata.Uid}";
    }

    /// <summary>Label selector for every solver Ingress the operator created.</summary>
    public static string LabelSelectorForAll() => $"{LabelKeys.AcmeHttp01Solver}=true,{LabelKeys.ManagedBy}={LabelKeys.ManagedByValue}";

    /// <summary>The owning Challenge recorded on a solver Ingress, for clean-up of orphans.</summary>
    public static bool TryGetOwner(V1Ingress ingress, out string challengeNamespace, out string challengeName, out string challengeUid)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var annotations = ingress.Metadata?.Annotations;
        var labels = ingress.Metadata?.Labels;
        challengeNamespace = Get(annotations, ChallengeNamespaceAnnotation);
        challengeName = Get(annotations, ChallengeNameAnnotation);
        challengeUid = Get(labels, ChallengeUidLabel);
        return challengeNamespace.Length > 0 && challengeName.Length > 0 && challengeUid.Length > 0;
    }

    private static AcmeChallengeSolverHttp01Ingress Validate(Challenge challenge)
    {
        var spec = challenge.Spec;
        if (spec.Type != ChallengeTypes.Http01)
        {
            throw new ArgumentException($"challenge type is '{spec.Type}', not {ChallengeTypes.Http01}", nameof(challenge));
        }
        if (spec.Wildcard == true)
        {
            throw new ArgumentException($"wildcard name *.{spec.DnsName} cannot be validated over HTTP-01", nameof(challenge));
        }
        if (string.IsNullOrEmpty(spec.DnsName) || string.IsNullOrEmpty(spec.Token))
        {
            throw new ArgumentException("challenge has no dnsName or token yet", nameof(challenge));
        }
        if (string.IsNullOrEmpty(challenge.Metadata.Uid))
        {
            throw new ArgumentException("challenge has no uid; build the Ingress from the stored object", nameof(challenge));
        }
        var ingress = spec.Solver.Http01?.Ingress
            ?? throw new ArgumentException("challenge solver has no http01.ingress", nameof(challenge));
        if (!string.IsNullOrEmpty(ingress.IngressClassName) && !string.IsNullOrEmpty(ingress.Class))
        {
            throw new ArgumentException("http01.ingress.ingressClassName and class are mutually exclusive", nameof(challenge));
        }
        return ingress;
    }

    private static string Get(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : "";

    private static string Hash(string value, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..length];
}

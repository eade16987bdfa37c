namespace K8sCertOperator.Tests.Api.MinimumVersion;

/// <summary>
/// The first Kubernetes minor (1.x) on which each CRD field and CEL function we could use works for a CRD written
/// to that server, as verified in kubernetes' source and release records.
/// </summary>
internal static class KubernetesFeatureVersions
{
    /// <summary>The oldest Kubernetes the README promises (1.28).</summary>
    public const int MinimumMinor = 28;

    /// <summary>apiextensions.k8s.io/v1 (1.16) CRD spec and version fields.</summary>
    public static IReadOnlyDictionary<string, int> SpecFields { get; } = new Dictionary<string, int>
    {
        ["group"] = 16, ["names"] = 16, ["scope"] = 16, ["versions"] = 16, ["conversion"] = 16, ["preserveUnknownFields"] = 16,
    };

    public static IReadOnlyDictionary<string, int> VersionFields { get; } = new Dictionary<string, int>
    {
        ["name"] = 16, ["served"] = 16, ["storage"] = 16, ["schema"] = 16, ["subresources"] = 16,
        ["additionalPrinterColumns"] = 16, ["deprecated"] = 19, ["deprecationWarning"] = 19,
        // CustomResourceFieldSelectors: alpha 1.30, beta (on) 1.31, GA 1.32 (apiextensions-apiserver pkg/features/kube_features.go)
        ["selectableFields"] = 31,
    };

    /// <summary>Fields of one x-kubernetes-validations entry.</summary>
    public static IReadOnlyDictionary<string, int> ValidationRuleFields { get; } = new Dictionary<string, int>
    {
        // CustomResourceValidationExpressions beta (on by default) 1.25, GA 1.29
        ["rule"] = 25, ["message"] = 25,
        // documented for 1.27 (kubernetes/website "Documentation for messageExpression update to KEP-2876", March 2023)
        ["messageExpression"] = 27,
        // KEP-2876 additions documented for 1.28 (kubernetes/website "The reason and fieldPath fields", July 2023)
        ["reason"] = 28, ["fieldPath"] = 28,
        // added in 1.29 behind the alpha CRDValidationRatcheting gate (kubernetes/kubernetes#121034), which is on by
        // default from 1.30 (beta, kube_features.go); without the gate the field is dropped
        ["optionalOldSelf"] = 30,
    };

    /// <summary>OpenAPI v3 keywords a structural CRD schema may use; all served since apiextensions.k8s.io/v1 (1.16).</summary>
    public static IReadOnlyDictionary<string, int> SchemaKeywords { get; } = new[]
    {
        "type", "format", "description", "title", "properties", "items", "required", "enum", "default", "nullable",
        "pattern", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minProperties", "maxProperties", "additionalProperties",
        "allOf", "anyOf", "oneOf", "not", "example", "externalDocs", "x-kubernetes-preserve-unknown-fields",
        "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string", "x-kubernetes-list-type",
        "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
    }.ToDictionary(k => k, _ => 16).Concat([new KeyValuePair<string, int>("x-kubernetes-validations", 25)]).ToDictionary();

    /// <summary>
    /// CEL functions, operators and macros by the first minor that compiles them in a new CRD rule. The libraries and
    /// their IntroducedVersion are in apiserver pkg/cel/environment/base.go; a new rule is compiled against the n-1
    /// compatibility version (DefaultCompatibilityVersion: 1.27 in 1.28, kubernetes/kubernetes#116779; 1.28 in 1.29;
    /// bumped to 1.29 for 1.30 by #122518, which is when the sets library reached new rules), so a library introduced
    /// in 1.x is usable by new CRD rules from 1.(x+1). Names on an identifier target are qualified ("sets.contains").
    /// </summary>
    public static IReadOnlyDictionary<string, int> CelFunctions { get; } = Build();

    private static Dictionary<string, int> Build()
    {
        var table = new Dictionary<string, int>();
        void Add(int minor, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = minor;
            }
        }

        // CEL's standard definitions and the libraries present since CRD rules were first on by default (1.25):
        // library.URLs, library.Regex, library.Lists and ext.Strings (version 0).
        Add(25, "_+_", "_-_", "_*_", "_/_", "_%_", "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "_&&_", "_||_", "!_", "-_",
            "_?_:_", "@in", "_[_]", "has", "size", "all", "exists", "exists_one", "map", "filter", "matches", "contains",
            "startsWith", "endsWith", "int", "uint", "double", "string", "bytes", "bool", "duration", "timestamp", "type", "dyn",
            "getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek", "getHours", "getMinutes",
            "getSeconds", "getMilliseconds");
        Add(25, "url", "isURL", "getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery");
        Add(25, "find", "findAll");
        Add(25, "isSorted", "sum", "min", "max", "indexOf", "lastIndexOf");
        Add(25, "charAt", "lowerAscii", "upperAscii", "replace", "split", "substring", "trim", "join");
        // introduced 1.28 (quantity library, optional types)
        Add(29, "quantity", "isQuantity", "sign", "isGreaterThan", "isLessThan", "compareTo", "add", "sub", "asInteger",
            "asApproximateFloat", "isInteger");
        Add(29, "optional.of", "optional.none", "optional.ofNonZeroValue", "orValue", "hasValue", "value", "or");
        // introduced 1.29: ext.Sets, ext.Strings version 2
        Add(30, "sets.contains", "sets.equivalent", "sets.intersects", "format", "quote", "strings.quote", "reverse");
        // introduced 1.30: IP and CIDR libraries
        Add(31, "ip", "isIP", "ip.isCanonical", "cidr", "isCIDR", "family", "isUnspecified", "isLoopback",
            "isLinkLocalMulticast", "isLinkLocalUnicast", "isGlobalUnicast", "containsIP", "containsCIDR", "masked", "prefixLength");
        // introduced 1.31: format library
        Add(32, "format.dns1123Label", "format.dns1123Subdomain", "format.dns1035Label", "format.qualifiedName",
            "format.dns1123LabelPrefix", "format.dns1123SubdomainPrefix", "format.dns1035LabelPrefix", "format.labelValue",
            "format.uri", "format.uuid", "format.byte", "format.date", "format.datetime", "format.named", "validate");
        // introduced 1.32: two-variable comprehensions; 1.33: semver
        Add(33, "transformList", "transformMap", "transformMapEntry");
        Add(34, "semver", "isSemver", "major", "minor", "patch");
        return table;
    }
}

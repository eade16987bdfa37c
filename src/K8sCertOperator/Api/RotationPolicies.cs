namespace K8sCertOperator.Api;

/// <summary>Values of <c>spec.privateKey.rotationPolicy</c>; Always is the default as in cert-manager v1.18+.</summary>
public static class RotationPolicies
{
    public const string Never = "Never";
    public const string Always = "Always";

    public static IReadOnlyList<string> All { get; } = [Never, Always];
    public const string Default = Always;
}

namespace K8sCertOperator.Controllers.Shims;

/// <summary>The value format of the shims' informer indexes (owner names, Secret names).</summary>
public static class ShimIndexKeys
{
    /// <summary>"namespace/name".</summary>
    public static string Of(string? @namespace, string name) => $"{@namespace}/{name}";
}

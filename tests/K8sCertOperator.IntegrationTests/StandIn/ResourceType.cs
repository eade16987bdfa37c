namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>One served resource of the stand-in API server: where it lives and how it behaves.</summary>
/// <param name="Group">API group, empty for the core group.</param>
/// <param name="Version">API version, e.g. <c>v1</c>.</param>
/// <param name="Plural">Lower-case plural used in URLs, e.g. <c>certificates</c>.</param>
/// <param name="Kind">Kind written into stored objects, e.g. <c>Certificate</c>.</param>
/// <param name="Namespaced">True when objects live inside a namespace.</param>
/// <param name="HasStatusSubresource">True when <c>/status</c> is a separate write path.</param>
/// <param name="AllowUnconditionalUpdate">
/// False for custom resources: a real API server rejects a PUT without metadata.resourceVersion for them.
/// </param>
public sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    bool HasStatusSubresource,
    bool AllowUnconditionalUpdate = true)
{
    /// <summary>The apiVersion field value: <c>v1</c> for core, <c>group/version</c> otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Kind of the list object returned for LIST.</summary>
    public string ListKind => Kind + "List";

    /// <summary>Schema pruning, defaulting and validation for a custom resource version; null for built-in kinds.</summary>
    public Validation.CustomResourceValidator? Validator { get; init; }

    /// <summary>How the real server names the resource in messages: <c>plural.group</c> or just <c>plural</c>.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}

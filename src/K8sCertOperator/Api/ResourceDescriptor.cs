namespace K8sCertOperator.Api;

/// <summary>Group, version, kind and plural of one custom resource, as registered by its CRD.</summary>
public sealed record ResourceDescriptor(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary>The <c>apiVersion</c> string written on objects, e.g. <c>k8scert.io/v1</c>.</summary>
    public string ApiVersion => $"{Group}/{Version}";

    /// <summary>The CRD object name, e.g. <c>certificates.k8scert.io</c>.</summary>
    public string CrdName => $"{Plural}.{Group}";
}

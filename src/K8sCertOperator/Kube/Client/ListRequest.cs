namespace K8sCertOperator.Kube.Client;

/// <summary>Parameters shared by list and watch calls of the generated typed API.</summary>
public readonly record struct ListRequest(
    string? LabelSelector,
    string? ResourceVersion,
    bool Watch,
    bool? AllowBookmarks,
    int? TimeoutSeconds);

namespace K8sCertOperator.Kube.Client;

/// <summary>Result of a list call: the items and the list's resourceVersion to start a watch from.</summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string? ResourceVersion);

namespace K8sCertOperator.Kube.Events;

/// <summary>
/// What makes two events "the same" for de-duplication: the involved object (by uid too, so a
/// recreated object gets fresh events) plus type, reason, message and reporting component.
/// </summary>
public readonly record struct EventKey(
    string? InvolvedKind,
    string? Namespace,
    string? Name,
    string? Uid,
    string Type,
    string Reason,
    string Message,
    string Component);

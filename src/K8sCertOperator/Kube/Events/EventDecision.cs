namespace K8sCertOperator.Kube.Events;

/// <summary>Whether to create a new Event or bump the count of an existing one.</summary>
/// <param name="IsUpdate">True: patch <paramref name="EventName"/> with <paramref name="Count"/>; false: create it.</param>
public readonly record struct EventDecision(bool IsUpdate, string EventName, int Count, DateTimeOffset FirstTimestamp);

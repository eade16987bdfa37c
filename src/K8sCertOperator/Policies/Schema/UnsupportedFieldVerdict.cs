namespace K8sCertOperator.Policies.Schema;

/// <summary>Why an object cannot be acted on: a Ready=False reason and a message naming the fields, and their paths.</summary>
public sealed record UnsupportedFieldVerdict(string Reason, string Message, IReadOnlyList<string> Paths);

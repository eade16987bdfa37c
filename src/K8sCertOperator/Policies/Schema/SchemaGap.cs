namespace K8sCertOperator.Policies.Schema;

/// <summary>One difference between an object and the operator's schema for its kind.</summary>
public sealed record SchemaGap(string Path, FindingSeverity Severity, string Message);

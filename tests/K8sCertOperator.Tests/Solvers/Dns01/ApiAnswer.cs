namespace K8sCertOperator.Tests.Solvers.Dns01;

/// <summary>What the fake API server answers.</summary>
public sealed record ApiAnswer(int Status, string Body, string ContentType = "application/json");

namespace K8sCertOperator.Acme.Resources;

/// <summary>The "{}" payload that tells the server a challenge is ready to validate.</summary>
internal sealed record EmptyObject;

namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>A rule uses CEL the estimator does not model, so its cost would be a guess: the check fails instead.</summary>
internal sealed class UnsupportedCelConstructException(string message) : Exception("unsupported construct: " + message);

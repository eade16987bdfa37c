namespace K8sCertOperator.Policies;

/// <summary>Condition and event reasons that only the policies produce (the rest live in <see cref="Api.ConditionReasons"/>).</summary>
public static class PolicyReasons
{
    /// <summary>Ready=False and a Warning event when <see cref="CertificateSpecValidator"/> rejects the spec.</summary>
    public const string InvalidSpec = "InvalidSpec";
}

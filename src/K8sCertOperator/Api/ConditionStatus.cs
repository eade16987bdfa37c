namespace K8sCertOperator.Api;

/// <summary>Allowed values of <see cref="Condition.Status"/>.</summary>
public static class ConditionStatus
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    public static IReadOnlyList<string> All { get; } = [True, False, Unknown];
}

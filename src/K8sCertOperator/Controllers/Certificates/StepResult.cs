namespace K8sCertOperator.Controllers.Certificates;

/// <summary>What a step tells the reconciler: whether later steps run, and when to look again.</summary>
public sealed record StepResult(bool Stop, TimeSpan? RequeueAfter = null)
{
    public static StepResult Continue { get; } = new(false);

    public static StepResult Done(TimeSpan? requeueAfter = null) => new(true, requeueAfter);

    public static StepResult ContinueAndRequeue(TimeSpan requeueAfter) => new(false, requeueAfter);
}

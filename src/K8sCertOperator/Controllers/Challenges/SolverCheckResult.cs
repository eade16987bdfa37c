namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Outcome of a solver's self-check.</summary>
public sealed record SolverCheckResult(bool IsReady, string Message)
{
    public static SolverCheckResult Ready(string message) => new(true, message);

    public static SolverCheckResult NotYet(string message) => new(false, message);
}

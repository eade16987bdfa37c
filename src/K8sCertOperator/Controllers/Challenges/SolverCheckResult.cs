namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Outcome of a solver's self-check.</summary>
/// <param name="IsReady">The answer is visible as the CA will see it.</param>
/// <param name="Message">Why not (or where it is visible).</param>
/// <param name="WaitsForPerson">
/// Not ready because somebody outside the operator must act (publish a record by hand): the propagation timeout does
/// not apply, the Challenge waits until the record appears or its Order ends.
/// </param>
public sealed record SolverCheckResult(bool IsReady, string Message, bool WaitsForPerson = false)
{
    public static SolverCheckResult Ready(string message) => new(true, message);

    public static SolverCheckResult NotYet(string message) => new(false, message);
}

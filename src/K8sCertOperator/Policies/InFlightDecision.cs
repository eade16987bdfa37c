namespace K8sCertOperator.Policies;

/// <summary>Resume (adopt the request and its Order) or replace (clean it up and issue through a request of our own), and why.</summary>
public sealed record InFlightDecision(bool Resume, string Reason)
{
    public static InFlightDecision Adopt(string reason) => new(true, reason);

    public static InFlightDecision Replace(string reason) => new(false, reason);
}

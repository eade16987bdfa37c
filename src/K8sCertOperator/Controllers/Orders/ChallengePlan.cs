using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>The Challenges an Order needs, or the reason it cannot get them (no solver fits an authorization).</summary>
public sealed record ChallengePlan(IReadOnlyList<Challenge> Challenges, string? FailureReason)
{
    public bool IsPossible => FailureReason is null;
}

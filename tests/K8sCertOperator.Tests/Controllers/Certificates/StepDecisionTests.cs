using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class StepDecisionTests
{
    [Theory]
    [InlineData(new[] { "a.example" }, new[] { "http01" }, false)]
    [InlineData(new[] { "*.example" }, new[] { "http01" }, true)]
    [InlineData(new[] { "*.example" }, new[] { "http01", "dns01" }, false)]
    [InlineData(new[] { "*.example" }, new[] { "dns01" }, false)]
    [InlineData(new[] { "*.example" }, new string[0], true)]
    [InlineData(new[] { "*.example" }, new[] { "http01", "dnsPersist01" }, false)]
    public void WildcardNeedsADns01Solver(string[] names, string[] solvers, bool refused)
    {
        var acme = new AcmeIssuer
        {
            Solvers = solvers.Select(s => s switch
            {
                "dns01" => new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01() },
                "dnsPersist01" => new AcmeChallengeSolver { DnsPersist01 = new AcmeChallengeSolverDnsPersist01() },
                _ => new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01() },
            }).ToList(),
        };
        Assert.Equal(refused, WildcardSolverCheck.Check(names, acme) is not null);
        Assert.Null(WildcardSolverCheck.Check(names, null));
    }

    private static Order Order(string name, int revision, string? state) => new()
    {
        Metadata = new k8s.Models.V1ObjectMeta
        {
            Name = name,
            Annotations = new Dictionary<string, string> { [K8sCertOperator.Api.AnnotationKeys.CertificateRevision] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        },
        Status = state is null ? null : new OrderStatus { State = state },
    };

    [Theory]
    [InlineData(null, null, new[] { "r1", "r2" })]
    [InlineData(2, null, new[] { "r1" })]
    [InlineData(5, null, new string[0])]
    [InlineData(1, 3, new[] { "r1" })]
    [InlineData(1, 4, new[] { "r1", "r2" })]
    public void KeepsTheNewestCompletedOrders(int? limit, int? inProgress, string[] deleted)
    {
        Order[] orders =
        [
            Order("r1", 1, AcmeStates.Valid),
            Order("r2", 2, AcmeStates.Invalid),
            Order("r3", 3, AcmeStates.Valid),
            Order("r4", 4, AcmeStates.Pending),
        ];
        var selected = OrderHistoryPruner.SelectForDeletion(orders, limit, inProgress).Select(o => o.Metadata.Name).Order();
        Assert.Equal(deleted, selected);
    }

    [Theory]
    // Same revision, same creation second: the valid Order is kept whatever the names sort like.
    [InlineData("a-failed", "b-valid")]
    [InlineData("b-failed", "a-valid")]
    public void WithinARevisionTheValidOrderIsKeptOverAFailedAttempt(string failedName, string validName)
    {
        Order[] orders = [Order(failedName, 2, AcmeStates.Invalid), Order(validName, 2, AcmeStates.Valid), Order("old", 1, AcmeStates.Valid)];

        var deleted = OrderHistoryPruner.SelectForDeletion(orders, 1, null).Select(o => o.Metadata.Name).Order();

        Assert.Equal(new[] { failedName, "old" }.Order(), deleted);
    }
}

using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class OrderWakeUpsTests
{
    private static Order Order(string? state = null, string? url = null, long generation = 1, string? annotation = null, string? reason = null, DateTime? deleting = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-1-abc", NamespaceProperty = "apps", Generation = generation, DeletionTimestamp = deleting,
            Annotations = annotation is null ? null : new Dictionary<string, string> { ["note"] = annotation },
        },
        Status = state is null && url is null && reason is null ? null : new OrderStatus { State = state, Url = url, Reason = reason },
    };

    private static Challenge Challenge(string? state = null, bool? presented = null, bool? processing = null, string? finalizer = null, DateTime? deleting = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-1-abc-1", NamespaceProperty = "apps", DeletionTimestamp = deleting,
            Finalizers = finalizer is null ? null : [finalizer],
        },
        Status = new ChallengeStatus { State = state, Presented = presented, Processing = processing },
    };

    private static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, Order?, Order, bool> OrderCases() => new()
    {
        { "created", null, Order(), true },
        { "ACME order opened (URL written)", Order(), Order(AcmeStates.Pending, "https://ca/order/1"), true },
        { "state moved", Order(AcmeStates.Pending, "u"), Order(AcmeStates.Valid, "u"), true },
        { "only the reason changed (own write)", Order(AcmeStates.Pending, "u"), Order(AcmeStates.Pending, "u", reason: "server busy"), false },
        { "resync, nothing changed", Order(AcmeStates.Pending, "u"), Order(AcmeStates.Pending, "u"), false },
        { "spec changed", Order(AcmeStates.Pending, "u"), Order(AcmeStates.Pending, "u", generation: 2), true },
        { "annotation added", Order(AcmeStates.Pending, "u"), Order(AcmeStates.Pending, "u", annotation: "x"), true },
        { "deletion started", Order(AcmeStates.Pending, "u"), Order(AcmeStates.Pending, "u", deleting: Now), true },
    };

    [Theory]
    [MemberData(nameof(OrderCases))]
    public void OrderChangesThatWakeTheOrder(string what, Order? before, Order after, bool matters) =>
        Assert.True(matters == OrderWakeUps.OrderMatters(before, after), what);

    public static TheoryData<string, Challenge?, Challenge, bool> ChallengeCases() => new()
    {
        { "created", null, Challenge(), true },
        { "finalizer added", Challenge(), Challenge(finalizer: "f"), false },
        { "presented", Challenge(AcmeStates.Pending), Challenge(AcmeStates.Pending, presented: true), false },
        { "accepted at the CA (processing)", Challenge(AcmeStates.Pending, true), Challenge(AcmeStates.Pending, true, processing: true), false },
        { "valid", Challenge(AcmeStates.Pending, true, true), Challenge(AcmeStates.Valid, true, false), true },
        { "invalid", Challenge(AcmeStates.Pending, true, true), Challenge(AcmeStates.Invalid, true, false), true },
        { "deletion started", Challenge(AcmeStates.Valid), Challenge(AcmeStates.Valid, deleting: Now), true },
    };

    [Theory]
    [MemberData(nameof(ChallengeCases))]
    public void ChallengeChangesThatWakeTheOrder(string what, Challenge? before, Challenge after, bool matters) =>
        Assert.True(matters == OrderWakeUps.ChallengeMatters(before, after), what);
}

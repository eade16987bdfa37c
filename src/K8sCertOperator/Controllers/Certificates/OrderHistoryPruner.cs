using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>History facts of the two kinds a Certificate keeps: its CertificateRequests, and Orders it owned before them.</summary>
public static class OrderHistoryPruner
{
    public const int DefaultLimit = RevisionHistoryPruner.DefaultLimit;

    public static IReadOnlyList<Order> SelectForDeletion(IEnumerable<Order> owned, int? limit, int? inProgressRevision) =>
        RevisionHistoryPruner.SelectForDeletion(owned, limit, inProgressRevision, o => new HistoryFacts(
            OrderFactory.RevisionOf(o), AcmeStates.IsFinal(o.Status?.State), o.Status?.State == AcmeStates.Valid, o.Metadata?.CreationTimestamp, o.Metadata?.Name ?? ""));

    public static IReadOnlyList<CertificateRequest> SelectForDeletion(IEnumerable<CertificateRequest> owned, int? limit, int? inProgressRevision) =>
        RevisionHistoryPruner.SelectForDeletion(owned, limit, inProgressRevision, r =>
        {
            var conditions = r.Status?.Conditions;
            var succeeded = ConditionSet.IsTrue(conditions, ConditionTypes.Ready);
            var final = succeeded || r.Status?.FailureTime is not null || ConditionSet.IsTrue(conditions, ConditionTypes.Denied);
            return new HistoryFacts(CertificateRequestFactory.RevisionOf(r.Metadata), final, succeeded, r.Metadata?.CreationTimestamp, r.Metadata?.Name ?? "");
        });
}

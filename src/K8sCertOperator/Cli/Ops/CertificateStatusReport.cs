using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// The data `status certificate` shows: conditions, timestamps, the Secret's certificate, the current
/// CertificateRequest (approval and signing), its Order with the Challenges, and the recent Events of all three.
/// Pure: the caller fetches the objects.
/// </summary>
public static class CertificateStatusReport
{
    public const int MaxEvents = 10;

    public static JsonObject Build(
        Certificate certificate, V1Secret? secret, IReadOnlyList<CertificateRequest> requests, IReadOnlyList<Order> orders,
        IReadOnlyList<Challenge> challenges, IReadOnlyList<Corev1Event> events)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(challenges);
        ArgumentNullException.ThrowIfNull(events);
        var status = certificate.Status;
        var issuer = certificate.Spec.IssuerRef;
        var report = new JsonObject
        {
            ["name"] = certificate.Metadata.Name,
            ["namespace"] = certificate.Metadata.NamespaceProperty,
            ["issuer"] = $"{issuer.EffectiveKind}/{issuer.Name}",
            ["dnsNames"] = new JsonArray([.. (certificate.Spec.DnsNames ?? []).Select(n => (JsonNode?)JsonValue.Create(n))]),
            ["conditions"] = new JsonArray([.. (status?.Conditions ?? []).Select(c => (JsonNode?)new JsonObject
            {
                ["type"] = c.Type,
                ["status"] = c.Status,
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["lastTransitionTime"] = Time(c.LastTransitionTime),
            })]),
            ["notBefore"] = Time(status?.NotBefore),
            ["notAfter"] = Time(status?.NotAfter),
            ["renewalTime"] = Time(status?.RenewalTime),
            ["revision"] = status?.Revision,
            ["failedIssuanceAttempts"] = status?.FailedIssuanceAttempts,
            ["lastFailureTime"] = Time(status?.LastFailureTime),
            ["secret"] = SecretSummary(certificate.Spec.SecretName, secret),
        };

        var request = requests
            .Where(r => IsOwnedBy(r.Metadata, certificate.Metadata.Uid))
            .OrderByDescending(r => CertificateRequestFactory.RevisionOf(r.Metadata) ?? 0)
            .ThenByDescending(r => r.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .FirstOrDefault();
        if (request is not null)
        {
            report["request"] = RequestSummary(request);
        }

        // The request's Order has its name or (cert-manager's) is owned by it; Orders from before requests were owned
        // by the Certificate itself.
        var current = orders
            .Where(o => (request is not null && (o.Metadata.Name == request.Metadata.Name || IsOwnedBy(o.Metadata, request.Metadata.Uid)))
                || IsOwnedBy(o.Metadata, certificate.Metadata.Uid))
            .OrderByDescending(o => OrderFactory.RevisionOf(o) ?? 0)
            .ThenByDescending(o => o.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .FirstOrDefault();
        if (current is not null)
        {
            report["order"] = new JsonObject
            {
                ["name"] = current.Metadata.Name,
                ["state"] = current.Status?.State ?? "",
                ["reason"] = current.Status?.Reason,
                ["url"] = current.Status?.Url,
                ["challenges"] = new JsonArray([.. challenges
                    .Where(c => IsOwnedBy(c.Metadata, current.Metadata.Uid))
                    .OrderBy(c => c.Spec.DnsName, StringComparer.Ordinal)
                    .Select(c => (JsonNode?)ChallengeSummary(c))]),
            };
        }

        report["events"] = new JsonArray([.. events
            .Where(e => IsAbout(e, ApiGroups.CertificateKind, certificate.Metadata)
                || (request is not null && IsAbout(e, ApiGroups.CertificateRequestKind, request.Metadata))
                || (current is not null && IsAbout(e, ApiGroups.OrderKind, current.Metadata)))
            .OrderByDescending(LastSeen)
            .Take(MaxEvents)
            .Reverse()
            .Select(e => (JsonNode?)new JsonObject
            {
                ["type"] = e.Type,
                ["object"] = $"{e.InvolvedObject?.Kind}/{e.InvolvedObject?.Name}",
                ["reason"] = e.Reason,
                ["message"] = e.Message,
                ["count"] = e.Count,
                ["lastTimestamp"] = Time(LastSeen(e)),
            })]);
        return report;
    }

    // By kind and name, and by UID when both have one: a k8scert.io and a cert-manager.io Certificate may share a name.
    private static bool IsAbout(Corev1Event e, string kind, V1ObjectMeta about) =>
        e.InvolvedObject?.Kind == kind && e.InvolvedObject.Name == about.Name
        && (string.IsNullOrEmpty(e.InvolvedObject.Uid) || string.IsNullOrEmpty(about.Uid) || e.InvolvedObject.Uid == about.Uid);

    private static bool IsOwnedBy(V1ObjectMeta meta, string? uid) => uid is { Length: > 0 } && meta.OwnerReferences?.Any(r => r.Uid == uid) == true;

    private static JsonObject RequestSummary(CertificateRequest request)
    {
        JsonObject? Condition(string type) => ConditionSet.Find(request.Status?.Conditions, type) is { } c
            ? new JsonObject { ["status"] = c.Status, ["reason"] = c.Reason, ["message"] = c.Message }
            : null;
        return new JsonObject
        {
            ["name"] = request.Metadata.Name,
            ["revision"] = CertificateRequestFactory.RevisionOf(request.Metadata),
            ["approved"] = Condition(ConditionTypes.Approved),
            ["denied"] = Condition(ConditionTypes.Denied),
            ["ready"] = Condition(ConditionTypes.Ready),
            ["failureTime"] = Time(request.Status?.FailureTime),
        };
    }

    /// <summary>One Challenge; <c>dnsRecord</c> (the exact TXT record, e.g. a dns-persist-01 record to publish) only when it has one.</summary>
    private static JsonObject ChallengeSummary(Challenge challenge)
    {
        var summary = new JsonObject
        {
            ["name"] = challenge.Metadata.Name,
            ["dnsName"] = challenge.Spec.DnsName,
            ["type"] = challenge.Spec.Type,
            ["state"] = challenge.Status?.State ?? "",
            ["reason"] = challenge.Status?.Reason,
        };
        if (challenge.Status?.DnsRecord is { } record)
        {
            summary["dnsRecord"] = record.ToString();
        }
        return summary;
    }

    private static JsonObject SecretSummary(string secretName, V1Secret? secret)
    {
        if (secret is null)
        {
            return new JsonObject { ["name"] = secretName, ["exists"] = false };
        }
        var inspected = SecretInspection.Describe(secret);
        var summary = new JsonObject { ["name"] = secretName, ["exists"] = true };
        if (inspected["certificate"] is JsonObject c)
        {
            summary["serial"] = c["serial"]?.DeepClone();
            summary["notAfter"] = c["notAfter"]?.DeepClone();
            summary["publicKey"] = c["publicKey"]?.DeepClone();
            summary["keyMatchesCertificate"] = inspected["privateKey"]?["matchesCertificate"]?.DeepClone();
        }
        else
        {
            summary["error"] = inspected["error"]?.DeepClone();
        }
        return summary;
    }

    private static DateTime LastSeen(Corev1Event e) => e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp ?? e.Metadata?.CreationTimestamp ?? DateTime.MinValue;

    private static string? Time(DateTime? time) => time is { } t
        ? DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : null;
}

using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// The data `status certificate` shows: conditions, timestamps, the Secret's certificate, the current Order
/// with its Challenges, and the Certificate's recent Events. Pure: the caller fetches the objects.
/// </summary>
public static class CertificateStatusReport
{
    public const int MaxEvents = 10;

    public static JsonObject Build(Certificate certificate, V1Secret? secret, IReadOnlyList<Order> orders, IReadOnlyList<Challenge> challenges, IReadOnlyList<Corev1Event> events)
    {
        ArgumentNullException.ThrowIfNull(certificate);
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

        var current = orders
            .Where(o => o.Metadata.OwnerReferences?.Any(r => r.Uid == certificate.Metadata.Uid) == true)
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
                    .Where(c => c.Metadata.OwnerReferences?.Any(r => r.Uid == current.Metadata.Uid) == true)
                    .OrderBy(c => c.Spec.DnsName, StringComparer.Ordinal)
                    .Select(c => (JsonNode?)ChallengeSummary(c))]),
            };
        }

        report["events"] = new JsonArray([.. events
            .Where(e => e.InvolvedObject?.Kind == ApiGroups.CertificateKind && e.InvolvedObject.Name == certificate.Metadata.Name)
            .OrderByDescending(LastSeen)
            .Take(MaxEvents)
            .Reverse()
            .Select(e => (JsonNode?)new JsonObject
            {
                ["type"] = e.Type,
                ["reason"] = e.Reason,
                ["message"] = e.Message,
                ["count"] = e.Count,
                ["lastTimestamp"] = Time(LastSeen(e)),
            })]);
        return report;
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

using K8sCertOperator.Api;

namespace K8sCertOperator.Observability;

/// <summary>What one Certificate contributes to the certificate series: labels, timestamps and Ready value.</summary>
public sealed record CertificateMetricSample(
    string Name,
    string Namespace,
    string IssuerName,
    string IssuerKind,
    string IssuerGroup,
    double? ExpirationSeconds,
    double? NotBeforeSeconds,
    double? RenewalSeconds,
    string ReadyCondition)
{
    /// <summary>The Ready values cert-manager exports one series each for (1 on the current one, 0 on the others).</summary>
    public static IReadOnlyList<string> ReadyValues { get; } = [ConditionStatus.True, ConditionStatus.False, ConditionStatus.Unknown];

    public string[] Labels => [Name, Namespace, IssuerName, IssuerKind, IssuerGroup];

    public static CertificateMetricSample From(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var issuer = certificate.Spec?.IssuerRef ?? new ObjectReference();
        var status = certificate.Status;
        var ready = ConditionSet.Find(status?.Conditions, ConditionTypes.Ready)?.Status;
        return new CertificateMetricSample(
            certificate.Metadata?.Name ?? "",
            certificate.Metadata?.NamespaceProperty ?? "",
            issuer.Name,
            issuer.EffectiveKind,
            string.IsNullOrEmpty(issuer.Group) ? ApiGroups.Cert : issuer.Group,
            Seconds(status?.NotAfter),
            Seconds(status?.NotBefore),
            Seconds(status?.RenewalTime),
            ready is ConditionStatus.True or ConditionStatus.False ? ready : ConditionStatus.Unknown);
    }

    /// <summary>Unix seconds; a DateTime without a kind is taken as UTC, as the API serialises it.</summary>
    public static double? Seconds(DateTime? time) => time is { } t
        ? new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)).ToUnixTimeSeconds()
        : null;
}

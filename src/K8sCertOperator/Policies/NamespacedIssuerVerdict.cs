namespace K8sCertOperator.Policies;

/// <summary>
/// The outbound policy's answer for one issuer: a refusal message (Ready=False ServerNotAllowed, nothing sent),
/// or allowed, with whether its connections must be guarded (public addresses only, checked at connect time).
/// </summary>
public sealed record NamespacedIssuerVerdict(string? Refusal, bool GuardConnections)
{
    public static NamespacedIssuerVerdict Unrestricted { get; } = new(null, false);

    public static NamespacedIssuerVerdict Guarded { get; } = new(null, true);

    public static NamespacedIssuerVerdict Refused(string message) => new(message, false);

    public bool IsRefused => Refusal is not null;
}

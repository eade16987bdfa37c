using System.Globalization;
using System.Net;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>Re-issue checks on the stored leaf certificate: names, CA flag, expiry, renewal time, manual trigger.</summary>
public static class CertificatePolicies
{
    /// <summary>Subject CN, SANs (order-insensitive) and isCA must match the spec.</summary>
    public static ReissueDecision? CertificateMismatchesSpec(ReissueInput input)
    {
        if (input.Material.Certificate is not { } cert)
        {
            return null;
        }

        var spec = input.Spec;
        var problems = new List<string>();
        var specCn = NullIfEmpty(spec.CommonName);
        var sans = cert.SubjectAltNames;

        // ACME CAs add the CN to the DNS SANs, so a DNS set of spec.dnsNames plus the CN is also a match.
        var wantDns = NameSet(spec.DnsNames, StringComparer.OrdinalIgnoreCase);
        var haveDns = NameSet(sans.DnsNames, StringComparer.OrdinalIgnoreCase);
        var wantDnsWithCn = specCn is null ? wantDns : new HashSet<string>(wantDns.Append(specCn), StringComparer.OrdinalIgnoreCase);
        if (!haveDns.SetEquals(wantDns) && !haveDns.SetEquals(wantDnsWithCn))
        {
            problems.Add("DNS names");
        }

        // Some CAs (Let's Encrypt since 2025) omit the CN, or set it to a SAN when none was asked for.
        var haveCn = NullIfEmpty(cert.CommonName);
        var haveIps = NameSet(sans.IpAddresses.Select(NormalizeIp), StringComparer.Ordinal);
        // A literalSubject is compared byte for byte by X509FieldsPolicies instead.
        var cnOk = !string.IsNullOrEmpty(spec.LiteralSubject) || (specCn is null
            ? haveCn is null || haveDns.Contains(haveCn) || haveIps.Contains(NormalizeIp(haveCn))
            : string.Equals(haveCn, specCn, StringComparison.OrdinalIgnoreCase) || (haveCn is null && haveDns.Contains(specCn)));
        if (!cnOk)
        {
            problems.Add("common name");
        }

        if (!haveIps.SetEquals(NameSet(spec.IpAddresses?.Select(NormalizeIp), StringComparer.Ordinal)))
        {
            problems.Add("IP addresses");
        }

        if (!NameSet(sans.Uris, StringComparer.Ordinal).SetEquals(NameSet(spec.Uris, StringComparer.Ordinal)))
        {
            problems.Add("URIs");
        }

        if (!NameSet(sans.EmailAddresses, StringComparer.OrdinalIgnoreCase).SetEquals(NameSet(spec.EmailAddresses, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add("email addresses");
        }

        if (cert.IsCA != (spec.IsCA ?? false))
        {
            problems.Add("isCA");
        }

        return problems.Count == 0
            ? null
            : new(ConditionReasons.IncorrectCertificate,
                $"Issuing certificate as the existing certificate does not match the spec: {string.Join(", ", problems)} differ");
    }

    /// <summary>X.509 notAfter is inclusive: expired only once now is past it.</summary>
    public static ReissueDecision? CertificateHasExpired(ReissueInput input) =>
        input.Material.Certificate is { } cert && input.Now > cert.NotAfter
            ? new(ConditionReasons.Expired, $"Certificate expired on {Format(cert.NotAfter)}")
            : null;

    /// <summary>Fires once now is past the renewal time computed from the stored certificate and the spec.</summary>
    public static ReissueDecision? CertificateNearingExpiry(ReissueInput input)
    {
        if (input.Material.Certificate is not { } cert || RenewalWindowPolicy.IsDisabled(input.Certificate.Spec.Renewal))
        {
            return null;
        }

        var renewalTime = RenewalTime(input.Certificate, cert, input.RenewalJitter);
        return input.Now >= renewalTime
            ? new(ConditionReasons.Renewing, $"Renewing certificate as renewal was scheduled at {Format(renewalTime)}")
            : null;
    }

    /// <summary>
    /// Fires when the Certificate carries <see cref="PolicyAnnotations.RenewRequestedAt"/> that the Secret has not
    /// answered yet (its copy of the annotation differs) and that is newer than the last failure and the
    /// certificate's notBefore, so a failed or completed request does not loop.
    /// </summary>
    public static ReissueDecision? ManuallyTriggered(ReissueInput input)
    {
        var raw = input.CertificateAnnotation(PolicyAnnotations.RenewRequestedAt);
        if (string.IsNullOrWhiteSpace(raw)
            || !DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var requestedAt)
            || input.SecretAnnotation(PolicyAnnotations.RenewRequestedAt) == raw)
        {
            return null;
        }

        if (input.Certificate.Status?.LastFailureTime is { } failed && requestedAt <= AsUtc(failed))
        {
            return null;
        }

        var notBefore = input.Material.Certificate?.NotBefore ?? (input.Certificate.Status?.NotBefore is { } nb ? AsUtc(nb) : null);
        if (notBefore is { } issued && requestedAt <= issued)
        {
            return null;
        }

        return new(ConditionReasons.ManuallyTriggered, $"Re-issuance manually requested at {Format(requestedAt)}");
    }

    /// <summary>The renewal time for a stored certificate under this spec, moved into a spec.renewal window (spec durations that do not parse are ignored).</summary>
    public static DateTimeOffset RenewalTime(CertificateSpec spec, CertificateInfo cert)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(cert);
        TimeSpan? renewBefore = GoDuration.TryParse(spec.RenewBefore, out var rb) ? rb : null;
        var computed = RenewalTimeCalculator.Calculate(cert.NotBefore, cert.NotAfter, renewBefore, spec.RenewBeforePercentage);
        return RenewalWindowPolicy.Apply(computed, cert.NotAfter, spec.Renewal);
    }

    /// <summary>
    /// The renewal time recorded in status and acted on: the spec's renewal time moved by this Certificate's
    /// <paramref name="jitter"/> offset (drawn from namespace/name and the leaf's serial).
    /// </summary>
    public static DateTimeOffset RenewalTime(Certificate certificate, CertificateInfo cert, RenewalJitter jitter)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(cert);
        ArgumentNullException.ThrowIfNull(jitter);
        var planned = RenewalTime(certificate.Spec, cert);
        return jitter.Apply(planned, cert.NotAfter, RenewalJitter.KeyFor(certificate.Metadata?.NamespaceProperty, certificate.Metadata?.Name, cert.SerialNumberHex));
    }

    internal static DateTimeOffset AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static HashSet<string> NameSet(IEnumerable<string>? names, StringComparer comparer) =>
        new((names ?? []).Where(n => !string.IsNullOrEmpty(n)), comparer);

    // "::0001" and "::1" are the same address; compare the canonical text form.
    private static string NormalizeIp(string ip) => IPAddress.TryParse(ip, out var parsed) ? parsed.ToString() : ip;
}

using System.Globalization;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>
/// Checks on a CertificateSpec that the CRD schema cannot express. An empty result means valid; otherwise the
/// controller sets Ready=False with <see cref="PolicyReasons.InvalidSpec"/> and the joined errors, and emits an event.
/// </summary>
public static class CertificateSpecValidator
{
    /// <summary>Let's Encrypt's limit on names per certificate; larger orders are refused by the CA anyway.</summary>
    public const int MaxDnsNames = 100;

    /// <summary>cert-manager's minimum certificate duration.</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromHours(1);

    /// <summary>Longer is almost certainly a typo ("87600000h"); no public or private CA issues that.</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromDays(365 * 100);

    /// <summary>cert-manager's minimum renewBefore: shorter leaves no time to complete an issuance.</summary>
    public static readonly TimeSpan MinimumRenewBefore = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<string> Validate(CertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<string>();
        ValidateNames(spec, errors);
        ValidateDurations(spec, errors);
        ValidateKey(spec, errors);
        ValidateIssuerRef(spec.IssuerRef, errors);
        X509FieldsSpecValidator.Validate(spec, errors);
        errors.AddRange(RenewalWindowPolicy.Validate(spec.Renewal));
        if (SecretNameError(spec.SecretName) is { } secretError)
        {
            errors.Add(secretError);
        }

        if (KeyUsageResolver.Resolve(spec.Usages, spec.IsCA ?? false).Error is { } usageError)
        {
            errors.Add($"usages: {usageError}");
        }

        return errors;
    }

    /// <summary>Kubernetes object names: a DNS-1123 subdomain (lower case, digits, '-', '.', at most 253).</summary>
    public static string? SecretNameError(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "secretName: must be set";
        }

        var valid = name.Length <= 253
            && name.Split('.').All(label => label.Length is > 0 and <= 63
                && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
                && label[0] != '-' && label[^1] != '-');
        return valid ? null : $"secretName: \"{Shorten(name)}\" is not a valid DNS-1123 subdomain";
    }

    private static void ValidateNames(CertificateSpec spec, List<string> errors)
    {
        var dns = spec.DnsNames ?? [];
        var ips = spec.IpAddresses ?? [];
        var uris = spec.Uris ?? [];
        var emails = spec.EmailAddresses ?? [];
        if (string.IsNullOrEmpty(spec.CommonName) && string.IsNullOrEmpty(spec.LiteralSubject)
            && dns.Count + ips.Count + uris.Count + emails.Count + (spec.OtherNames?.Count ?? 0) == 0)
        {
            errors.Add("at least one of commonName, literalSubject, dnsNames, uris, ipAddresses, emailAddresses or otherNames must be set");
        }

        if (spec.CommonName is { Length: > CertificateTemplateValidator.MaxCommonNameLength } cn)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"commonName: {cn.Length} characters exceeds the X.509 limit of {CertificateTemplateValidator.MaxCommonNameLength}"));
        }

        if (dns.Count > MaxDnsNames)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"dnsNames: {dns.Count} names exceed the limit of {MaxDnsNames}"));
        }

        // Report at most a few bad names: the message ends up in a status condition.
        AddFirst(errors, "dnsNames", dns.Select(NameValidator.ValidateDnsName));
        AddFirst(errors, "ipAddresses", ips.Select(NameValidator.ValidateIpAddress));
        AddFirst(errors, "uris", uris.Select(NameValidator.ValidateUri));
        AddFirst(errors, "emailAddresses", emails.Select(NameValidator.ValidateEmailAddress));
    }

    private static void ValidateDurations(CertificateSpec spec, List<string> errors)
    {
        var duration = CertificateTemplateFactory.DefaultDuration;
        if (spec.Duration is not null)
        {
            if (!GoDuration.TryParse(spec.Duration, out duration, out var parseError))
            {
                errors.Add($"duration: {parseError}");
                return;
            }

            if (duration < MinimumDuration)
            {
                errors.Add($"duration: {spec.Duration} is shorter than the minimum of {GoDuration.Format(MinimumDuration)}");
                return;
            }

            if (duration > MaximumDuration)
            {
                errors.Add($"duration: {spec.Duration} is longer than the maximum of 100 years");
                return;
            }
        }

        if (spec.RenewBefore is not null && spec.RenewBeforePercentage is not null)
        {
            errors.Add("renewBefore and renewBeforePercentage are mutually exclusive");
        }

        if (spec.RenewBefore is not null)
        {
            if (!GoDuration.TryParse(spec.RenewBefore, out var renewBefore, out var parseError))
            {
                errors.Add($"renewBefore: {parseError}");
            }
            else if (renewBefore < MinimumRenewBefore)
            {
                errors.Add($"renewBefore: {spec.RenewBefore} is shorter than the minimum of {GoDuration.Format(MinimumRenewBefore)}");
            }
            else if (renewBefore >= duration)
            {
                errors.Add($"renewBefore: {spec.RenewBefore} must be shorter than the duration ({GoDuration.Format(duration)})");
            }
        }

        if (spec.RenewBeforePercentage is { } pct && pct is < 1 or > 99)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"renewBeforePercentage: {pct} must be between 1 and 99"));
        }
    }

    private static void ValidateKey(CertificateSpec spec, List<string> errors)
    {
        var pk = spec.PrivateKey;
        if (PrivateKeySpec.FromApi(pk?.Algorithm, pk?.Size, pk?.Encoding).Error is { } keyError)
        {
            errors.Add($"privateKey: {keyError}");
        }

        if (pk?.RotationPolicy is { Length: > 0 } policy && !RotationPolicies.All.Contains(policy))
        {
            errors.Add($"privateKey.rotationPolicy: \"{Shorten(policy)}\" must be Never or Always");
        }
    }

    private const string ExternalGroupPattern = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    private static void ValidateIssuerRef(ObjectReference? issuerRef, List<string> errors)
    {
        if (issuerRef is null || string.IsNullOrEmpty(issuerRef.Name))
        {
            errors.Add("issuerRef.name: must be set");
            return;
        }

        if (!ApiGroups.IsIssuerGroup(issuerRef.Group))
        {
            // An external issuer: its controller knows its kinds; the group must still be a DNS subdomain.
            if (issuerRef.Group!.Length > 253 || !System.Text.RegularExpressions.Regex.IsMatch(issuerRef.Group, ExternalGroupPattern))
            {
                errors.Add($"issuerRef.group: \"{Shorten(issuerRef.Group)}\" must be {ApiGroups.Cert}, {ApiGroups.CertManager} or an external issuer's API group (a DNS subdomain)");
            }
        }
        else if (issuerRef.EffectiveKind is not (ApiGroups.IssuerKind or ApiGroups.ClusterIssuerKind))
        {
            errors.Add($"issuerRef.kind: \"{Shorten(issuerRef.EffectiveKind)}\" must be Issuer or ClusterIssuer");
        }
    }

    private static void AddFirst(List<string> errors, string field, IEnumerable<string?> results)
    {
        const int MaxReported = 3;
        var bad = results.Where(e => e is not null).ToList();
        errors.AddRange(bad.Take(MaxReported).Select(e => $"{field}: {e}"));
        if (bad.Count > MaxReported)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: {bad.Count - MaxReported} more invalid entries"));
        }
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";
}

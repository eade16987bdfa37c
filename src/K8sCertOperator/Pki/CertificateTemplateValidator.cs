namespace K8sCertOperator.Pki;

/// <summary>Pure validation of a <see cref="CertificateTemplate"/>; returns every problem found (empty = valid).</summary>
public static class CertificateTemplateValidator
{
    // X.520 upper bound for commonName; CAs such as Let's Encrypt reject longer ones.
    public const int MaxCommonNameLength = 64;
    private const int MaxSubjectValueLength = 128;

    public static IReadOnlyList<string> Validate(CertificateTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<string>();
        bool hasName = !string.IsNullOrEmpty(template.CommonName) || template.DnsNames.Count > 0
            || template.IpAddresses.Count > 0 || template.Uris.Count > 0 || template.EmailAddresses.Count > 0
            || !string.IsNullOrEmpty(template.LiteralSubject) || template.OtherNames.Count > 0
            || template.RawSubject is { RawData.Length: > 2 };
        if (!hasName)
        {
            errors.Add("at least one of commonName, literalSubject, dnsNames, ipAddresses, uris, emailAddresses or otherNames must be set");
        }

        X509FieldsValidator.Validate(template, errors);

        if (template.CommonName is { Length: > MaxCommonNameLength })
        {
            errors.Add($"commonName is longer than {MaxCommonNameLength} characters");
        }

        AddAll(errors, template.DnsNames, NameValidator.ValidateDnsName);
        AddAll(errors, template.IpAddresses, NameValidator.ValidateIpAddress);
        AddAll(errors, template.Uris, NameValidator.ValidateUri);
        AddAll(errors, template.EmailAddresses, NameValidator.ValidateEmailAddress);

        if (template.Subject is { } subject)
        {
            foreach (var country in subject.Countries)
            {
                if (country is not { Length: 2 } || !country.All(char.IsAsciiLetter))
                {
                    errors.Add($"subject country \"{Shorten(country)}\" must be a two-letter ISO 3166 code");
                }
            }

            CheckValues(errors, "organizations", subject.Organizations);
            CheckValues(errors, "organizationalUnits", subject.OrganizationalUnits);
            CheckValues(errors, "localities", subject.Localities);
            CheckValues(errors, "provinces", subject.Provinces);
            CheckValues(errors, "streetAddresses", subject.StreetAddresses);
            CheckValues(errors, "postalCodes", subject.PostalCodes);
            if (subject.SerialNumber is { Length: > 0 } serial && (serial.Length > 64 || !serial.All(IsPrintableStringChar)))
            {
                errors.Add("subject serialNumber must be at most 64 PrintableString characters");
            }
        }

        if (KeyUsageResolver.Resolve(template.Usages, template.IsCA).Error is { } usageError)
        {
            errors.Add(usageError);
        }

        return errors;
    }

    private static void AddAll(List<string> errors, IReadOnlyList<string> values, Func<string?, string?> validate)
    {
        foreach (var v in values)
        {
            if (validate(v) is { } e)
            {
                errors.Add(e);
            }
        }
    }

    private static void CheckValues(List<string> errors, string field, IReadOnlyList<string> values)
    {
        foreach (var v in values)
        {
            if (string.IsNullOrEmpty(v) || v.Length > MaxSubjectValueLength || v.Any(char.IsControl))
            {
                errors.Add($"subject {field} values must be 1..{MaxSubjectValueLength} characters without control characters");
                return;
            }
        }
    }

    private static bool IsPrintableStringChar(char c)
        => char.IsAsciiLetterOrDigit(c) || " '()+,-./:=?".Contains(c);

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 20 ? s : s[..17] + "...";
}

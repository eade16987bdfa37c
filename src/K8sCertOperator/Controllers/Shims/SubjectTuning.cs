using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Parses the email-sans and subject-* annotations of an annotated object, as cert-manager's shims do: email SANs
/// split at commas, each subject field one line of CSV (<see cref="CsvLine"/>), the serial number as it is.
/// </summary>
public static class SubjectTuning
{
    /// <summary>The email SANs (null: none asked for); every bad annotation is added to <paramref name="problems"/>.</summary>
    public static List<string>? EmailAddresses(ShimAnnotationReader annotations, List<ShimProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(problems);
        if (annotations.Get(AnnotationKeys.EmailSans) is not { } text)
        {
            return null;
        }

        List<string> emails = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        var bad = emails.Where(e => e.IndexOf('@', StringComparison.Ordinal) is <= 0 || e.EndsWith('@')).ToList();
        if (emails.Count == 0 || bad.Count > 0)
        {
            problems.Add(new ShimProblem(ShimProblem.BadConfig,
                $"{annotations.SourceKey(AnnotationKeys.EmailSans)} \"{text}\": {(bad.Count > 0 ? "not an email address: " + string.Join(", ", bad) : "no address given")}"));
            return null;
        }

        return emails;
    }

    /// <summary>The subject (null: no subject annotation); every bad annotation is added to <paramref name="problems"/>.</summary>
    public static X509Subject? Subject(ShimAnnotationReader annotations, List<ShimProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(problems);
        List<string>? Fields(string key)
        {
            if (annotations.Get(key) is not { } text)
            {
                return null;
            }

            var fields = CsvLine.Split(text, out var error);
            if (fields is null)
            {
                problems.Add(new ShimProblem(ShimProblem.BadConfig, $"{annotations.SourceKey(key)} \"{text}\": {error}"));
            }

            return fields;
        }

        var subject = new X509Subject
        {
            Organizations = Fields(AnnotationKeys.SubjectOrganizations),
            OrganizationalUnits = Fields(AnnotationKeys.SubjectOrganizationalUnits),
            Countries = Fields(AnnotationKeys.SubjectCountries),
            Provinces = Fields(AnnotationKeys.SubjectProvinces),
            Localities = Fields(AnnotationKeys.SubjectLocalities),
            StreetAddresses = Fields(AnnotationKeys.SubjectStreetAddresses),
            PostalCodes = Fields(AnnotationKeys.SubjectPostalCodes),
            SerialNumber = annotations.Get(AnnotationKeys.SubjectSerialNumber) is { Length: > 0 } serial ? serial : null,
        };
        return IsEmpty(subject) ? null : subject;
    }

    /// <summary>True when two subjects ask for the same fields (null and empty alike).</summary>
    public static bool Same(X509Subject? a, X509Subject? b)
    {
        var x = a ?? new X509Subject();
        var y = b ?? new X509Subject();
        return Lists(x).Zip(Lists(y)).All(p => (p.First ?? []).SequenceEqual(p.Second ?? [], StringComparer.Ordinal))
            && string.IsNullOrEmpty(x.SerialNumber) == string.IsNullOrEmpty(y.SerialNumber)
            && (string.IsNullOrEmpty(x.SerialNumber) || x.SerialNumber == y.SerialNumber);
    }

    private static bool IsEmpty(X509Subject s) => Lists(s).All(l => l is null or { Count: 0 }) && string.IsNullOrEmpty(s.SerialNumber);

    private static List<string>?[] Lists(X509Subject s) =>
        [s.Organizations, s.OrganizationalUnits, s.Countries, s.Provinces, s.Localities, s.StreetAddresses, s.PostalCodes];
}

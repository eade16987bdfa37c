using System.Globalization;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// The optional annotations that tune every Certificate of an annotated object (Ingress, Gateway, ListenerSet) (common-name, duration,
/// renew-before, usages, private key options, revision-history-limit, email-sans, subject-*), parsed and validated.
/// </summary>
public sealed record CertificateTuning
{
    public string? CommonName { get; init; }

    public string? Duration { get; init; }

    public string? RenewBefore { get; init; }

    public List<string>? Usages { get; init; }

    public CertificatePrivateKey? PrivateKey { get; init; }

    public int? RevisionHistoryLimit { get; init; }

    public List<string>? EmailAddresses { get; init; }

    public X509Subject? Subject { get; init; }

    /// <summary>Parses the annotations; every bad one is added to <paramref name="problems"/>.</summary>
    public static CertificateTuning Parse(ShimAnnotationReader annotations, List<ShimProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(problems);
        void Bad(string ourKey, string value, string why) =>
            problems.Add(new ShimProblem(ShimProblem.BadConfig, $"{annotations.SourceKey(ourKey)} \"{value}\": {why}"));

        string? DurationValue(string key)
        {
            var value = annotations.Get(key);
            if (value is null)
            {
                return null;
            }

            if (!GoDuration.TryParse(value, out var parsed, out var error))
            {
                Bad(key, value, error ?? "invalid duration");
                return null;
            }

            if (parsed <= TimeSpan.Zero)
            {
                Bad(key, value, "must be positive");
                return null;
            }

            return value;
        }

        var duration = DurationValue(AnnotationKeys.IngressDuration);
        var renewBefore = DurationValue(AnnotationKeys.IngressRenewBefore);
        if (duration is not null && renewBefore is not null && GoDuration.Parse(renewBefore) >= GoDuration.Parse(duration))
        {
            Bad(AnnotationKeys.IngressRenewBefore, renewBefore, $"must be shorter than the duration {duration}");
        }

        List<string>? usages = null;
        if (annotations.Get(AnnotationKeys.IngressUsages) is { } usagesText)
        {
            usages = [.. usagesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var unknown = usages.Where(u => !KeyUsages.All.Contains(u)).ToList();
            if (unknown.Count > 0 || usages.Count == 0)
            {
                Bad(AnnotationKeys.IngressUsages, usagesText, unknown.Count > 0 ? $"unknown usage(s) {string.Join(", ", unknown)}" : "no usage given");
            }
        }

        int? revisionHistoryLimit = null;
        if (annotations.Get(AnnotationKeys.IngressRevisionHistoryLimit) is { } limitText)
        {
            if (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1)
            {
                revisionHistoryLimit = limit;
            }
            else
            {
                Bad(AnnotationKeys.IngressRevisionHistoryLimit, limitText, "must be an integer of at least 1");
            }
        }

        var commonName = annotations.Get(AnnotationKeys.IngressCommonName);
        if (commonName is { Length: > 64 })
        {
            Bad(AnnotationKeys.IngressCommonName, commonName, "longer than 64 characters");
        }

        return new CertificateTuning
        {
            CommonName = string.IsNullOrEmpty(commonName) ? null : commonName,
            Duration = duration,
            RenewBefore = renewBefore,
            Usages = usages,
            PrivateKey = PrivateKeyTuning.Parse(annotations, problems),
            RevisionHistoryLimit = revisionHistoryLimit,
            EmailAddresses = SubjectTuning.EmailAddresses(annotations, problems),
            Subject = SubjectTuning.Subject(annotations, problems),
        };
    }
}

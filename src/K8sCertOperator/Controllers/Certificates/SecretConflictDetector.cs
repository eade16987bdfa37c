using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Decides whether a Certificate may write its Secret. Two Certificates naming the same Secret would otherwise
/// overwrite each other forever; the older one (creationTimestamp, then name) wins and the newer one is told why.
/// A Secret whose certificate-name annotation names another Certificate that still targets it is never taken
/// over; one left behind by a deleted (or re-pointed) Certificate is.
/// </summary>
public static class SecretConflictDetector
{
    /// <summary>A message describing the conflict, or null when this Certificate may own the Secret.</summary>
    public static string? Detect(
        Certificate certificate,
        IReadOnlyDictionary<string, string>? secretAnnotations,
        IEnumerable<Certificate> namespaceCertificates)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(namespaceCertificates);
        var name = certificate.Metadata?.Name ?? "";
        var secretName = certificate.Spec.SecretName;
        var rivals = namespaceCertificates
            .Where(c => c.Metadata?.Name != name && c.Spec.SecretName == secretName && c.Metadata?.DeletionTimestamp is null)
            .ToList();

        var older = rivals.Where(c => IsOlder(c, certificate)).OrderBy(c => c, Comparer<Certificate>.Create(Compare)).FirstOrDefault();
        if (older is not null)
        {
            return $"Secret \"{secretName}\" is also the target of Certificate \"{older.Metadata.Name}\", which is older and owns it; " +
                   "give this Certificate a different secretName";
        }

        if (secretAnnotations is not null
            && secretAnnotations.TryGetValue(AnnotationKeys.CertificateName, out var owner)
            && !string.IsNullOrEmpty(owner)
            && owner != name
            && rivals.Any(c => c.Metadata.Name == owner))
        {
            return $"Secret \"{secretName}\" belongs to Certificate \"{owner}\" (annotation {AnnotationKeys.CertificateName}); it is not overwritten";
        }

        return null;
    }

    /// <summary>True when <paramref name="a"/> was created before <paramref name="b"/> (name breaks ties).</summary>
    public static bool IsOlder(Certificate a, Certificate b) => Compare(a, b) < 0;

    private static int Compare(Certificate a, Certificate b)
    {
        var ta = a.Metadata?.CreationTimestamp ?? DateTime.MaxValue;
        var tb = b.Metadata?.CreationTimestamp ?? DateTime.MaxValue;
        var byTime = ta.CompareTo(tb);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Metadata?.Name, b.Metadata?.Name);
    }
}

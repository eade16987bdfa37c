using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Brings an existing shim Certificate to the desired state field by field, comparing with the
/// CRD's defaults applied (issuerRef kind/group, rotationPolicy) and durations by value ("2160h0m0s", as cert-manager
/// writes them, is "2160h"), so a defaulted or taken-over object never looks changed. Labels are synced only when the
/// desired Certificate has them (cert-manager's API: the owner's labels); fields the shims do not manage (status,
/// other annotations, secretTemplate…) are left alone.
/// </summary>
public static class CertificateSpecSync
{
    /// <summary>Copies what differs from <paramref name="desired"/> into <paramref name="existing"/>; true when anything changed.</summary>
    public static bool Apply(Certificate existing, Certificate desired)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        var spec = existing.Spec;
        var want = desired.Spec;
        var changed = false;

        void Set<T>(Func<T> get, Action<T> set, T value, Func<T, T, bool> same)
        {
            if (!same(get(), value))
            {
                set(value);
                changed = true;
            }
        }

        Set(() => spec.SecretName, v => spec.SecretName = v, want.SecretName, string.Equals);
        Set(() => spec.IssuerRef, v => spec.IssuerRef = v, want.IssuerRef, SameIssuer);
        Set(() => spec.DnsNames, v => spec.DnsNames = v, want.DnsNames, SameList);
        Set(() => spec.IpAddresses, v => spec.IpAddresses = v, want.IpAddresses, SameList);
        Set(() => spec.CommonName, v => spec.CommonName = v, want.CommonName, SameText);
        Set(() => spec.Duration, v => spec.Duration = v, want.Duration, SameDuration);
        Set(() => spec.RenewBefore, v => spec.RenewBefore = v, want.RenewBefore, SameDuration);
        Set(() => spec.Usages, v => spec.Usages = v, want.Usages, SameList);
        Set(() => spec.PrivateKey, v => spec.PrivateKey = v, want.PrivateKey, SamePrivateKey);
        Set(() => spec.RevisionHistoryLimit, v => spec.RevisionHistoryLimit = v, want.RevisionHistoryLimit, (a, b) => a == b);
        Set(() => spec.EmailAddresses, v => spec.EmailAddresses = v, want.EmailAddresses, SameList);
        Set(() => spec.Subject, v => spec.Subject = v, want.Subject, SubjectTuning.Same);

        var annotations = existing.Metadata.Annotations ?? new Dictionary<string, string>();
        foreach (var key in ShimAnnotations.Managed)
        {
            string? wanted = null;
            desired.Metadata.Annotations?.TryGetValue(key, out wanted);
            annotations.TryGetValue(key, out var current);
            if (wanted != current)
            {
                if (wanted is null)
                {
                    annotations.Remove(key);
                }
                else
                {
                    annotations[key] = wanted;
                }

                changed = true;
            }
        }

        existing.Metadata.Annotations = annotations.Count == 0 ? null : annotations;
        if (desired.Metadata.Labels is { } labels && !SameMap(existing.Metadata.Labels, labels))
        {
            existing.Metadata.Labels = labels.Count == 0 ? null : new Dictionary<string, string>(labels);
            changed = true;
        }

        return changed;
    }

    private static bool SameMap(IDictionary<string, string>? a, IDictionary<string, string> b) =>
        (a?.Count ?? 0) == b.Count && b.All(kv => a!.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static bool SameDuration(string? a, string? b) =>
        SameText(a, b) || (GoDuration.TryParse(a, out var x, out _) && GoDuration.TryParse(b, out var y, out _) && x == y);

    private static bool SameText(string? a, string? b) => string.IsNullOrEmpty(a) ? string.IsNullOrEmpty(b) : a == b;

    private static bool SameList(List<string>? a, List<string>? b) => (a ?? []).SequenceEqual(b ?? [], StringComparer.Ordinal);

    private static bool SameIssuer(ObjectReference? a, ObjectReference? b) =>
        a is not null && b is not null
        && a.Name == b.Name
        && a.EffectiveKind == b.EffectiveKind
        && (string.IsNullOrEmpty(a.Group) ? ApiGroups.Cert : a.Group) == (string.IsNullOrEmpty(b.Group) ? ApiGroups.Cert : b.Group);

    private static bool SamePrivateKey(CertificatePrivateKey? a, CertificatePrivateKey? b)
    {
        var x = a ?? new CertificatePrivateKey();
        var y = b ?? new CertificatePrivateKey();
        return SameText(x.Algorithm, y.Algorithm) && x.Size == y.Size && SameText(x.Encoding, y.Encoding)
            && x.EffectiveRotationPolicy == y.EffectiveRotationPolicy;
    }
}

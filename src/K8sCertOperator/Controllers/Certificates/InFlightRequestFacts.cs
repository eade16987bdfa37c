using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Reads what <see cref="InFlightRequestPolicy"/> decides on for a CertificateRequest someone else made for the revision
/// being issued: whether it asks for what the Certificate wants with the next private key, and how far it and its Order got.
/// </summary>
public static class InFlightRequestFacts
{
    public static InFlightRequest Of(CertificateSpec spec, CertificateRequest request, byte[] nextKeySpki, Order? order)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conditions = request.Status?.Conditions;
        return new InFlightRequest(
            Mismatch(spec, request, nextKeySpki),
            ConditionSet.IsTrue(conditions, ConditionTypes.Denied),
            ConditionSet.IsTrue(conditions, ConditionTypes.InvalidRequest) || request.Status?.FailureTime is not null,
            order is not null,
            order?.Status?.State,
            !string.IsNullOrEmpty(order?.Status?.Url));
    }

    /// <summary>The first field in which <paramref name="request"/> differs from what is wanted now, or null.</summary>
    public static string? Mismatch(CertificateSpec spec, CertificateRequest request, byte[] nextKeySpki)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(nextKeySpki);
        if (!SameIssuer(spec.IssuerRef, request.Spec.IssuerRef))
        {
            return "issuerRef";
        }

        if (!SameDuration(spec.Duration, request.Spec.Duration))
        {
            return "duration";
        }

        ParsedCertificateRequest csr;
        CertificateTemplate template;
        try
        {
            csr = CsrParser.ParsePem(Encoding.ASCII.GetString(request.Spec.Request ?? []));
            template = CertificateTemplateFactory.Create(spec).Template;
        }
        catch (Exception e) when (e is PkiException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return "its CSR cannot be read or the spec cannot be encoded: " + e.Message;
        }

        if (!csr.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(nextKeySpki))
        {
            return "private key";
        }

        var names = csr.SubjectAltNames;
        if (!SameSet(template.DnsNames, names.DnsNames, StringComparer.OrdinalIgnoreCase)
            || !SameSet(template.IpAddresses, names.IpAddresses, StringComparer.Ordinal)
            || !SameSet(template.Uris, names.Uris, StringComparer.Ordinal)
            || !SameSet(template.EmailAddresses, names.EmailAddresses, StringComparer.OrdinalIgnoreCase))
        {
            return "subject alternative names";
        }

        var differences = RequestPolicies.Differences(spec, new LastRequest(csr, request.Spec.Usages ?? [], request.Spec.IsCA ?? false));
        return differences.Count == 0 ? null : string.Join(", ", differences);
    }

    private static bool SameIssuer(ObjectReference wanted, ObjectReference? asked) =>
        asked is not null
        && wanted.Name == asked.Name
        && wanted.EffectiveKind == asked.EffectiveKind
        && (wanted.Group == asked.Group || (ApiGroups.IsIssuerGroup(wanted.Group) && ApiGroups.IsIssuerGroup(asked.Group)));

    // cert-manager writes Go's spelling ("2160h0m0s") of what the Certificate says ("2160h").
    private static bool SameDuration(string? wanted, string? asked) =>
        string.IsNullOrEmpty(wanted) || string.IsNullOrEmpty(asked)
            ? string.IsNullOrEmpty(wanted) == string.IsNullOrEmpty(asked)
            : GoDuration.TryParse(wanted, out var a) && GoDuration.TryParse(asked, out var b) && a == b;

    private static bool SameSet(IReadOnlyList<string> wanted, IReadOnlyList<string> asked, StringComparer comparer) =>
        new HashSet<string>(wanted, comparer).SetEquals(asked);
}

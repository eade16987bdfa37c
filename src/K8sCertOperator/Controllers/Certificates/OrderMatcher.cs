using System.Security.Cryptography;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Whether an existing Order still asks for what the Certificate wants now (else it is replaced).</summary>
public static class OrderMatcher
{
    /// <summary>Null when <paramref name="order"/> matches <paramref name="request"/>; otherwise what differs.</summary>
    public static string? Mismatch(Order order, OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(request);
        if (order.Metadata?.Name != request.OrderName)
        {
            return "name";
        }

        var spec = order.Spec;
        if (spec.IssuerRef is null || spec.IssuerRef.Name != request.IssuerRef.Name
            || spec.IssuerRef.EffectiveKind != request.IssuerRef.EffectiveKind
            || GroupOf(spec.IssuerRef.Group) != GroupOf(request.IssuerRef.Group))
        {
            return "issuerRef";
        }

        if (!string.Equals(NullIfEmpty(spec.CommonName), request.CommonName, StringComparison.OrdinalIgnoreCase))
        {
            return "commonName";
        }

        if (!SetEquals(spec.DnsNames, request.DnsNames, StringComparer.OrdinalIgnoreCase))
        {
            return "dnsNames";
        }

        if (!SetEquals(spec.IpAddresses, request.IpAddresses, StringComparer.Ordinal))
        {
            return "ipAddresses";
        }

        if (NullIfEmpty(spec.Duration) != request.Duration)
        {
            return "duration";
        }

        try
        {
            var csr = CsrParser.ParseDer(spec.Request);
            if (!csr.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(request.PublicKeySpki))
            {
                return "private key";
            }
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            return "request";
        }

        return null;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string GroupOf(string? group) => string.IsNullOrEmpty(group) || group == ApiGroups.CertManager ? ApiGroups.Cert : group;

    private static bool SetEquals(IEnumerable<string>? a, IEnumerable<string> b, StringComparer comparer) =>
        new HashSet<string>(a ?? [], comparer).SetEquals(b);
}

using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>Maps the API's otherNames, nameConstraints and CA issuer URLs onto their PKI records.</summary>
public static class X509FieldsMapper
{
    public static IReadOnlyList<OtherName> OtherNames(IEnumerable<CertificateOtherName>? names) =>
        (names ?? []).Select(n => new OtherName(n.Oid ?? "", n.Utf8Value ?? "")).ToList();

    /// <summary>Null when nothing is constrained (an empty extension would say nothing).</summary>
    public static NameConstraints? NameConstraints(CertificateNameConstraints? constraints)
    {
        if (constraints is null)
        {
            return null;
        }

        var mapped = new NameConstraints
        {
            Critical = constraints.Critical ?? false,
            Permitted = Subtrees(constraints.Permitted),
            Excluded = Subtrees(constraints.Excluded),
        };
        return mapped.IsEmpty ? null : mapped;
    }

    /// <summary>The URLs an issuer writes into the certificates it signs (CA: all three; SelfSigned: CRL only).</summary>
    public static IssuerUrls IssuerUrls(IssuerSpec? spec)
    {
        if (spec?.Ca is { } ca)
        {
            return new IssuerUrls
            {
                CrlDistributionPoints = ca.CrlDistributionPoints ?? [],
                OcspServers = ca.OcspServers ?? [],
                IssuingCertificateUrls = ca.IssuingCertificateUrls ?? [],
            };
        }

        return spec?.SelfSigned?.CrlDistributionPoints is { Count: > 0 } crl
            ? new IssuerUrls { CrlDistributionPoints = crl }
            : Pki.IssuerUrls.None;
    }

    private static NameConstraintSubtrees Subtrees(NameConstraintItems? items) => items is null
        ? new NameConstraintSubtrees()
        : new NameConstraintSubtrees
        {
            DnsDomains = items.DnsDomains ?? [],
            IpRanges = items.IpRanges ?? [],
            EmailAddresses = items.EmailAddresses ?? [],
            UriDomains = items.UriDomains ?? [],
        };
}

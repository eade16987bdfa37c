using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Turns <see cref="IssuerUrls"/> into the cRLDistributionPoints and authorityInfoAccess extensions (RFC 5280 4.2.1.13, 4.2.2.1).</summary>
internal static class IssuerUrlExtensions
{
    public const string CrlDistributionPointsOid = "2.5.29.31";

    /// <summary>Zero, one or two non-critical extensions; empty lists add nothing.</summary>
    public static List<X509Extension> Build(IssuerUrls urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var extensions = new List<X509Extension>();
        if (urls.CrlDistributionPoints.Count > 0)
        {
            extensions.Add(EncodeCrlDistributionPoints(urls.CrlDistributionPoints));
        }

        if (urls.OcspServers.Count + urls.IssuingCertificateUrls.Count > 0)
        {
            extensions.Add(new X509AuthorityInformationAccessExtension(
                urls.OcspServers.Count > 0 ? urls.OcspServers : null,
                urls.IssuingCertificateUrls.Count > 0 ? urls.IssuingCertificateUrls : null,
                critical: false));
        }

        return extensions;
    }

    /// <summary>One DistributionPoint per URL (each a fullName with one URI), the shape Go's x509 package writes.</summary>
    public static X509Extension EncodeCrlDistributionPoints(IReadOnlyList<string> urls)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var url in urls)
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, url, new Asn1Tag(TagClass.ContextSpecific, 6));
                }
            }
        }

        return new X509Extension(CrlDistributionPointsOid, writer.Encode(), critical: false);
    }
}

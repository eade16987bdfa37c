using System.Buffers.Text;
using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Acme;

/// <summary>The ARI certificate identifier (RFC 9773 §4.1): base64url(AKI keyIdentifier) "." base64url(serial).</summary>
public static class RenewalCertId
{
    private const string AuthorityKeyIdentifierOid = "2.5.29.35";

    public static string Compute(X509Certificate2 certificate) => FromDer(certificate.RawData);

    /// <summary>
    /// Reads serial and AKI straight from the DER. Parsing the TBSCertificate ourselves keeps this
    /// independent of the platform certificate parser (the RFC's own example has year-1 dates).
    /// </summary>
    public static string FromDer(ReadOnlyMemory<byte> certificateDer)
    {
        try
        {
            var certificate = new AsnReader(certificateDer, AsnEncodingRules.DER).ReadSequence();
            var tbs = certificate.ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                tbs.ReadEncodedValue(); // version
            }
            // Content octets including any 0x00 sign octet: exactly what ARI encodes.
            var serial = tbs.ReadIntegerBytes();
            for (var i = 0; i < 5; i++)
            {
                tbs.ReadEncodedValue(); // signature, issuer, validity, subject, subjectPublicKeyInfo
            }
            var extensionsTag = new Asn1Tag(TagClass.ContextSpecific, 3);
            while (tbs.HasData)
            {
                if (!tbs.PeekTag().HasSameClassAndValue(extensionsTag))
                {
                    tbs.ReadEncodedValue(); // issuerUniqueID / subjectUniqueID
                    continue;
                }
                var extensions = tbs.ReadSequence(extensionsTag).ReadSequence();
                while (extensions.HasData)
                {
                    var extension = extensions.ReadSequence();
                    if (extension.ReadObjectIdentifier() != AuthorityKeyIdentifierOid)
                    {
                        continue;
                    }
                    if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean))
                    {
                        extension.ReadBoolean();
                    }
                    var aki = new AsnReader(extension.ReadOctetString(), AsnEncodingRules.DER).ReadSequence();
                    var keyIdTag = new Asn1Tag(TagClass.ContextSpecific, 0);
                    if (aki.HasData && aki.PeekTag().HasSameClassAndValue(keyIdTag))
                    {
                        return Compute(aki.ReadOctetString(keyIdTag), serial.Span);
                    }
                    throw new ArgumentException("the certificate's Authority Key Identifier has no keyIdentifier", nameof(certificateDer));
                }
            }
        }
        catch (AsnContentException e)
        {
            throw new ArgumentException("not a DER certificate", nameof(certificateDer), e);
        }
        throw new ArgumentException("the certificate has no Authority Key Identifier extension", nameof(certificateDer));
    }

    public static string Compute(ReadOnlySpan<byte> authorityKeyIdentifier, ReadOnlySpan<byte> serialDerBytes) =>
        Base64Url.EncodeToString(authorityKeyIdentifier) + "." + Base64Url.EncodeToString(serialDerBytes);
}

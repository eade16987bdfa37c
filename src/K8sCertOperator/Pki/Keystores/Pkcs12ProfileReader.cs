using System.Formats.Asn1;
using K8sCertOperator.Api;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>
/// Which algorithms protect a PKCS#12 file, read without its password (the MacData and the encrypted bags' algorithm
/// identifiers are in the clear), and the keystores.pkcs12 profile they amount to, for `inspect secret`.
/// </summary>
public static class Pkcs12ProfileReader
{
    private const string EncryptedDataOid = "1.2.840.113549.1.7.6";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["1.3.14.3.2.26"] = "HMAC-SHA-1",
        ["2.16.840.1.101.3.4.2.1"] = "HMAC-SHA-256",
        [Pbmac1Seal.Pbmac1Oid] = "PBMAC1",
        ["1.2.840.113549.1.12.1.6"] = "pbeWithSHAAnd40BitRC2-CBC",
        ["1.2.840.113549.1.12.1.3"] = "pbeWithSHAAnd3-KeyTripleDES-CBC",
        ["1.2.840.113549.1.5.13"] = "PBES2",
    };

    /// <summary>(MAC, certificate bag encryption, profile); profile is null for a combination no profile writes.</summary>
    public static (string Mac, string Encryption, string? Profile) Read(byte[] pfx)
    {
        ArgumentNullException.ThrowIfNull(pfx);
        var sequence = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        sequence.ReadInteger();
        var contentInfo = sequence.ReadSequence();
        contentInfo.ReadObjectIdentifier();
        var authSafe = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();
        var mac = sequence.HasData ? sequence.ReadSequence().ReadSequence().ReadSequence().ReadObjectIdentifier() : "";
        var encryption = EncryptionOid(authSafe);
        var macName = Name(mac, "none");
        var encryptionName = Name(encryption, "none");
        string? profile = (macName, encryptionName) switch
        {
            ("HMAC-SHA-1", "pbeWithSHAAnd40BitRC2-CBC") => Pkcs12Profiles.LegacyRC2,
            ("HMAC-SHA-1", "pbeWithSHAAnd3-KeyTripleDES-CBC") => Pkcs12Profiles.LegacyDES,
            ("HMAC-SHA-256", "PBES2") => Pkcs12Profiles.Modern2023,
            ("PBMAC1", "PBES2") => Pkcs12Profiles.Modern2026,
            _ => null,
        };
        return (macName, encryptionName, profile);
    }

    private static string Name(string oid, string empty) => oid.Length == 0 ? empty : Names.GetValueOrDefault(oid, oid);

    // The first id-encryptedData ContentInfo of the AuthenticatedSafe: its contentEncryptionAlgorithm.
    private static string EncryptionOid(byte[] authSafe)
    {
        var safes = new AsnReader(authSafe, AsnEncodingRules.BER).ReadSequence();
        while (safes.HasData)
        {
            var contentInfo = safes.ReadSequence();
            if (contentInfo.ReadObjectIdentifier() != EncryptedDataOid)
            {
                continue;
            }

            var encryptedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
            encryptedData.ReadInteger();
            var encryptedContentInfo = encryptedData.ReadSequence();
            encryptedContentInfo.ReadObjectIdentifier();
            return encryptedContentInfo.ReadSequence().ReadObjectIdentifier();
        }

        return "";
    }
}

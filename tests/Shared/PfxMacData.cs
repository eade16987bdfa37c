using System.Formats.Asn1;

namespace K8sCertOperator.TestSupport;

/// <summary>
/// A PFX's authSafe and PBMAC1 MacData read field by field with System.Formats.Asn1, independently of the encoder, so
/// tests can check the algorithm OIDs and recompute the MAC.
/// </summary>
internal sealed record PfxMacData(
    byte[] AuthSafe,
    byte[] Content,
    string MacAlgorithm,
    string KeyDerivation,
    byte[] Salt,
    int Iterations,
    int? KeyLength,
    string Prf,
    string MessageAuthScheme,
    byte[] Mac,
    byte[] LegacyMacSalt,
    int LegacyIterations)
{
    public static PfxMacData Read(byte[] pfx)
    {
        var sequence = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        sequence.ReadInteger();
        var authSafe = sequence.ReadEncodedValue().ToArray();
        var contentInfo = new AsnReader(authSafe, AsnEncodingRules.BER).ReadSequence();
        contentInfo.ReadObjectIdentifier();
        var content = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();

        var macData = sequence.ReadSequence();
        var digestInfo = macData.ReadSequence();
        var algorithm = digestInfo.ReadSequence();
        var macAlgorithm = algorithm.ReadObjectIdentifier();
        var pbmac1 = algorithm.ReadSequence();
        var kdf = pbmac1.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        var pbkdf2 = kdf.ReadSequence();
        var salt = pbkdf2.ReadOctetString();
        var iterations = (int)pbkdf2.ReadInteger();
        int? keyLength = pbkdf2.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) ? (int)pbkdf2.ReadInteger() : null;
        var prf = pbkdf2.ReadSequence().ReadObjectIdentifier();
        var scheme = pbmac1.ReadSequence().ReadObjectIdentifier();
        var mac = digestInfo.ReadOctetString();
        var legacySalt = macData.ReadOctetString();
        var legacyIterations = macData.HasData ? (int)macData.ReadInteger() : 1;
        return new PfxMacData(authSafe, content, macAlgorithm, kdfOid, salt, iterations, keyLength, prf, scheme, mac, legacySalt, legacyIterations);
    }

    /// <summary>The same PFX without integrity data, which the BCL's <c>Pkcs12Info</c> decodes.</summary>
    public byte[] Unsealed()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(3);
            writer.WriteEncodedValue(AuthSafe);
        }

        return writer.Encode();
    }
}

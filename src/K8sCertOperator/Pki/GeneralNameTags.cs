using System.Formats.Asn1;

namespace K8sCertOperator.Pki;

/// <summary>Context tags of the GeneralName choices we write (RFC 5280 4.2.1.6), shared by SAN and name constraints.</summary>
internal static class GeneralNameTags
{
    public static readonly Asn1Tag OtherName = new(TagClass.ContextSpecific, 0, isConstructed: true);
    public static readonly Asn1Tag Rfc822 = new(TagClass.ContextSpecific, 1);
    public static readonly Asn1Tag Dns = new(TagClass.ContextSpecific, 2);
    public static readonly Asn1Tag Uri = new(TagClass.ContextSpecific, 6);
    public static readonly Asn1Tag Ip = new(TagClass.ContextSpecific, 7);
}

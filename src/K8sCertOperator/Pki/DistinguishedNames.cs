using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Reads single attributes out of an X.500 name without the fallbacks of GetNameInfo.</summary>
internal static class DistinguishedNames
{
    public const string CommonNameOid = "2.5.4.3";

    /// <summary>The last commonName attribute (the most specific one), or null.</summary>
    public static string? CommonName(X500DistinguishedName name)
    {
        string? cn = null;
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames(reversed: false))
        {
            if (!rdn.HasMultipleElements && rdn.GetSingleElementType().Value == CommonNameOid)
            {
                cn = rdn.GetSingleElementValue();
            }
        }

        return cn;
    }
}

namespace K8sCertOperator.Api;

/// <summary>Values of spec.keystores.pkcs12.profile: the encryption and MAC algorithms of keystore.p12.</summary>
public static class Pkcs12Profiles
{
    /// <summary>Certificates under RC2-40-CBC, key under 3DES, SHA-1 MAC; OpenSSL 3 reads it only with -legacy.</summary>
    public const string LegacyRC2 = "LegacyRC2";

    /// <summary>Certificates and key under 3DES (PKCS#12 KDF, SHA-1), SHA-1 MAC: readable almost everywhere.</summary>
    public const string LegacyDES = "LegacyDES";

    /// <summary>Certificates and key under PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC), HMAC-SHA-256 MAC.</summary>
    public const string Modern2023 = "Modern2023";

    /// <summary>As <see cref="Modern2023"/> with a PBMAC1 MAC (RFC 9579).</summary>
    public const string Modern2026 = "Modern2026";
}

using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>keystore.p12 (and truststore.p12 when a CA is known), protected by a password.</summary>
public sealed class Pkcs12Keystore
{
    [JsonPropertyName("create")]
    public bool Create { get; set; }

    /// <summary>Password Secret key; the key defaults to <see cref="KeystorePasswords.DefaultSecretKey"/>. Exclusive with <see cref="Password"/>.</summary>
    [JsonPropertyName("passwordSecretRef")]
    public SecretKeySelector? PasswordSecretRef { get; set; }

    /// <summary>Literal password. Exclusive with <see cref="PasswordSecretRef"/>.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>See <see cref="Pkcs12Profiles"/>; <see cref="Pkcs12Profiles.LegacyRC2"/> when absent, as in cert-manager v1.21.</summary>
    [JsonPropertyName("profile")]
    public string? Profile { get; set; }

    [JsonIgnore]
    public string EffectiveProfile => string.IsNullOrEmpty(Profile) ? Pkcs12Profiles.LegacyRC2 : Profile;
}

using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>keystore.jks (and truststore.jks when a CA is known), protected by a password.</summary>
public sealed class JksKeystore
{
    public const string DefaultAlias = "certificate";

    [JsonPropertyName("create")]
    public bool Create { get; set; }

    /// <summary>Password Secret key; the key defaults to <see cref="KeystorePasswords.DefaultSecretKey"/>. Exclusive with <see cref="Password"/>.</summary>
    [JsonPropertyName("passwordSecretRef")]
    public SecretKeySelector? PasswordSecretRef { get; set; }

    /// <summary>Literal password. Exclusive with <see cref="PasswordSecretRef"/>.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Alias of the private key entry; <see cref="DefaultAlias"/> when empty.</summary>
    [JsonPropertyName("alias")]
    public string? Alias { get; set; }

    [JsonIgnore]
    public string EffectiveAlias => string.IsNullOrEmpty(Alias) ? DefaultAlias : Alias;
}

using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>Pure helpers for ACME account key Secrets: key names, parsing, hashing and the Secret a new key goes into.</summary>
public static class AcmeAccountKeys
{
    public const string DefaultSecretKey = "tls.key";

    public static string SecretKeyOf(SecretKeySelector selector) =>
        string.IsNullOrEmpty(selector?.Key) ? DefaultSecretKey : selector.Key;

    /// <summary>
    /// Identifies the key without revealing it, the way cert-manager records it in status.acme.lastPrivateKeyHash:
    /// base64 of SHA-256 over the key's PKCS#1 DER for RSA, its PKCS#8 DER otherwise. An Issuer cert-manager
    /// registered is then seen as registered with its key (no "key changed" re-registration, no lookups refused
    /// until we rewrite the status), and cert-manager sees ours the same way after a switch back.
    /// </summary>
    public static string Hash(IJwsSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var pem = signer.ExportPrivateKeyPem();
        var pkcs8 = Convert.FromBase64String(pem[PemEncoding.Find(pem).Base64Data]);
        var hashed = pkcs8;
        try
        {
            if (signer.Jwk.Kty == "RSA")
            {
                using var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                hashed = rsa.ExportRSAPrivateKey();
            }
            return Convert.ToBase64String(SHA256.HashData(hashed));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
            CryptographicOperations.ZeroMemory(hashed);
        }
    }

    /// <summary>The account key held in <paramref name="secret"/> under <paramref name="key"/>; null with a reason when absent or unreadable.</summary>
    public static IJwsSigner? Parse(V1Secret secret, string key, out string? error)
    {
        var where = $"Secret {secret.Metadata?.NamespaceProperty}/{secret.Metadata?.Name}";
        if (secret.Data is null || !secret.Data.TryGetValue(key, out var bytes) || bytes is not { Length: > 0 })
        {
            error = $"{where} has no '{key}' entry holding the ACME account key";
            return null;
        }

        try
        {
            error = null;
            return JwsSigners.FromPrivateKeyPem(Encoding.UTF8.GetString(bytes));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // Deliberately not e.Message alone: keep it generic, the PEM is key material.
            error = $"{where} key '{key}' does not hold a PEM ECDSA or RSA private key";
            return null;
        }
    }

    /// <summary>
    /// A new Opaque Secret holding <paramref name="pem"/>. Labelled as managed so the Secret informer sees it, and
    /// without owner references: like cert-manager, the account key outlives the issuer.
    /// </summary>
    public static V1Secret NewSecret(string @namespace, string name, string key, string pem) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Type = "Opaque",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = @namespace,
            Labels = new Dictionary<string, string>
            {
                [LabelKeys.ManagedBy] = LabelKeys.ManagedByValue,
                [LabelKeys.AppManagedBy] = LabelKeys.ManagedByValue,
            },
        },
        Data = new Dictionary<string, byte[]> { [key] = Encoding.UTF8.GetBytes(pem) },
    };
}

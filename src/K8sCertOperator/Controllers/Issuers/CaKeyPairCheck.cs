using System.Security.Cryptography;
using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>Decides a CA issuer's readiness from its Secret: present, holding tls.crt/tls.key of a usable CA with matching key.</summary>
public static class CaKeyPairCheck
{
    public const string CertificateKey = "tls.crt";
    public const string PrivateKeyKey = "tls.key";
    public const string VerifiedMessage = "Signing CA verified";

    public static IssuerReadiness Evaluate(V1Secret? secret, string @namespace, string secretName, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secretName))
        {
            return IssuerReadiness.NotReady(ConditionReasons.ErrGetKeyPair, "spec.ca.secretName is empty");
        }

        var where = $"Secret {@namespace}/{secretName}";
        if (secret is null)
        {
            return IssuerReadiness.NotReady(ConditionReasons.ErrGetKeyPair, $"Error getting keypair for CA issuer: {where} not found");
        }

        var crt = Read(secret, CertificateKey);
        var key = Read(secret, PrivateKeyKey);
        if (crt is null || key is null)
        {
            var missing = crt is null ? CertificateKey : PrivateKeyKey;
            return IssuerReadiness.NotReady(ConditionReasons.ErrGetKeyPair, $"Error getting keypair for CA issuer: {where} has no {missing}");
        }

        try
        {
            using var signer = CaSigner.FromPem(crt, key, now);
            return IssuerReadiness.Ready(ConditionReasons.KeyPairVerified, VerifiedMessage);
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            // Pki exception texts describe the certificate, never the key bytes.
            return IssuerReadiness.NotReady(ConditionReasons.ErrInvalidKeyPair, $"Error verifying keypair of CA issuer in {where}: {e.Message}");
        }
    }

    private static string? Read(V1Secret secret, string key) =>
        secret.Data is { } data && data.TryGetValue(key, out var bytes) && bytes is { Length: > 0 } ? Encoding.UTF8.GetString(bytes) : null;
}

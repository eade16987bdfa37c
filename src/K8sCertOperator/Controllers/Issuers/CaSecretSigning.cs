using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// Signs with the CA key pair in a CA issuer's Secret (tls.crt/tls.key): shared by the Certificate request step and
/// the CertificateRequest signer, so both read the Secret, check the CA and pick ca.crt the same way.
/// </summary>
public static class CaSecretSigning
{
    /// <summary>Namespace of a CA issuer's Secret: the request's for an Issuer, the operator's for a ClusterIssuer.</summary>
    public static string SecretNamespace(OperatorContext context, ObjectReference issuerRef, string requestNamespace)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(issuerRef);
        return issuerRef.IsClusterIssuer ? context.ClusterResourceNamespace : requestNamespace;
    }

    public static async Task<CaSigningResult> SignAsync(
        OperatorContext context,
        string secretNamespace,
        string secretName,
        CertificateTemplate template,
        PublicKey subjectPublicKey,
        TimeSpan duration,
        DateTimeOffset now,
        IssuerUrls? issuerUrls,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caSecret = await context.Apis.Secrets.GetAsync(secretNamespace, secretName, cancellationToken).ConfigureAwait(false);
        if (caSecret?.Data is not { } data
            || !data.TryGetValue(SecretKeys.TlsCertificate, out var crt) || crt is not { Length: > 0 }
            || !data.TryGetValue(SecretKeys.TlsPrivateKey, out var caKey) || caKey is not { Length: > 0 })
        {
            // Empty values are "no certificate / no key" (a kubernetes.io/tls Secret must keep both entries).
            return new CaSigningResult(null, $"CA Secret {secretNamespace}/{secretName} is missing or lacks tls.crt/tls.key") { Retryable = true };
        }

        try
        {
            using var signer = CaSigner.FromPem(Encoding.ASCII.GetString(crt), Encoding.ASCII.GetString(caKey), now);
            var issued = signer.Sign(template, subjectPublicKey, duration, now, issuerUrls);
            return new CaSigningResult(new IssuedMaterial(issued.CertificatePem, CaCertificateSelector.Select(IssuerType.Ca, issued.CertificatePem, issued.CaPem)), null);
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            // PKI messages describe structure, never key bytes.
            return new CaSigningResult(null, $"signing with the CA in Secret {secretNamespace}/{secretName} failed: {e.Message}");
        }
    }
}

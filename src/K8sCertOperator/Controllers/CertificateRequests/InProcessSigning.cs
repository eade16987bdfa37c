using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>
/// Signs an approved, valid CertificateRequest with one of the operator's own issuers: ACME issuers through an Order;
/// CA issuers with the CA Secret; SelfSigned issuers with the private key in the Secret named
/// by the <c>k8scert.io/private-key-secret-name</c> annotation (the CSR holds only the public key, as in cert-manager).
/// </summary>
public sealed class InProcessSigning
{
    private readonly OperatorContext _context;
    private readonly AcmeOrders.AcmeOrderSigning _acme;

    public InProcessSigning(OperatorContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _acme = new AcmeOrders.AcmeOrderSigning(context);
    }

    public async Task<SigningOutcome> SignAsync(CertificateRequest request, IGenericIssuer issuer, SigningInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(input);
        var now = _context.Time.GetUtcNow();
        var ns = request.Metadata.NamespaceProperty ?? "";
        if (request.Metadata.Annotations?.TryGetValue(AnnotationKeys.SignatureAlgorithm, out var asked) == true && !string.IsNullOrEmpty(asked))
        {
            input = input with { Template = input.Template with { SignatureAlgorithm = asked } };
        }

        switch (IssuerLookup.TypeOf(issuer))
        {
            case IssuerType.Ca:
                var secretNamespace = CaSecretSigning.SecretNamespace(_context, request.Spec.IssuerRef, ns);
                var signed = await CaSecretSigning.SignAsync(
                    _context, secretNamespace, issuer.Spec.Ca!.SecretName, input.Template, input.Csr.PublicKey, input.Duration, now,
                    X509FieldsMapper.IssuerUrls(issuer.Spec), cancellationToken).ConfigureAwait(false);
                // A missing CA Secret may be created or fixed: wait for it; a CA that cannot sign this request fails it.
                return signed.Issued is { } issued ? new SigningOutcome(issued, null, null)
                    : signed.Retryable ? SigningOutcome.Wait(signed.Failure!) : SigningOutcome.Fail(signed.Failure!);
            case IssuerType.SelfSigned:
                return await SignSelfAsync(request, ns, input, now, X509FieldsMapper.IssuerUrls(issuer.Spec), cancellationToken).ConfigureAwait(false);
            case IssuerType.Acme:
                return await _acme.SignAsync(request, issuer, input, cancellationToken).ConfigureAwait(false);
            default:
                return SigningOutcome.Wait($"{IssuerLookup.Describe(request.Spec.IssuerRef)} has no single issuer type");
        }
    }

    private async Task<SigningOutcome> SignSelfAsync(CertificateRequest request, string ns, SigningInput input, DateTimeOffset now, IssuerUrls? issuerUrls, CancellationToken cancellationToken)
    {
        if (request.Metadata.Annotations is not { } annotations || !annotations.TryGetValue(AnnotationKeys.PrivateKeySecretName, out var secretName) || string.IsNullOrEmpty(secretName))
        {
            return SigningOutcome.Fail($"a SelfSigned issuer needs the private key: annotate the request with {AnnotationKeys.PrivateKeySecretName} naming a Secret with tls.key");
        }

        var secret = await _context.Apis.Secrets.GetAsync(ns, secretName, cancellationToken).ConfigureAwait(false);
        if (secret?.Data is not { } data || !data.TryGetValue(SecretKeys.TlsPrivateKey, out var keyPem) || keyPem is not { Length: > 0 })
        {
            return SigningOutcome.Wait($"Secret {ns}/{secretName} is missing or has no tls.key");
        }

        try
        {
            using var key = PemCodec.DecodePrivateKey(Encoding.ASCII.GetString(keyPem));
            if (!key.PublicKeyMatches(input.Csr.PublicKey))
            {
                return SigningOutcome.Fail($"the private key in Secret {ns}/{secretName} is not the key of the CSR");
            }

            var issued = Pki.SelfSignedIssuer.Issue(key, input.Template, input.Duration, now, issuerUrls);
            return new SigningOutcome(new IssuedMaterial(issued.CertificatePem, issued.CaPem), null, null);
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            // PKI messages describe structure, never key bytes.
            return SigningOutcome.Fail($"self-signing with the key in Secret {ns}/{secretName} failed: {e.Message}");
        }
    }
}

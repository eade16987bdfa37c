using K8sCertOperator.Api;

namespace K8sCertOperator.Policies;

/// <summary>
/// Everything the re-issue and readiness policies look at: the Certificate, the Secret's data (null when the
/// Secret does not exist) and annotations, and the current time. The Secret's PEM is parsed once, lazily.
/// </summary>
public sealed record ReissueInput
{
    private readonly Lazy<SecretMaterial> _material;

    public ReissueInput(
        Certificate certificate,
        IReadOnlyDictionary<string, byte[]>? secretData,
        IReadOnlyDictionary<string, string>? secretAnnotations,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
        SecretData = secretData;
        SecretAnnotations = secretAnnotations;
        Now = now;
        _material = new Lazy<SecretMaterial>(() => SecretMaterial.Parse(secretData));
    }

    public Certificate Certificate { get; }

    /// <summary>The Secret's data; null means the Secret does not exist.</summary>
    public IReadOnlyDictionary<string, byte[]>? SecretData { get; }

    public IReadOnlyDictionary<string, string>? SecretAnnotations { get; }

    public DateTimeOffset Now { get; }

    /// <summary>How renewals are spread (the operator's --renewal-jitter-* settings); none unless set.</summary>
    public RenewalJitter RenewalJitter { get; init; } = RenewalJitter.None;

    /// <summary>
    /// True when the issuer is SelfSigned or CA: the operator signs, so the certificate carries exactly the requested
    /// subject and extensions (an ACME CA chooses its own subject and signature).
    /// </summary>
    public bool SignsLocally { get; init; }

    /// <summary>The CertificateRequest of the current revision, when it is still kept (revisionHistoryLimit).</summary>
    public LastRequest? LastRequest { get; init; }

    public CertificateSpec Spec => Certificate.Spec;

    /// <summary>Parsed tls.key / tls.crt; never throws, failures are recorded on the result.</summary>
    public SecretMaterial Material => _material.Value;

    public string? SecretAnnotation(string key) =>
        SecretAnnotations is not null && SecretAnnotations.TryGetValue(key, out var value) ? value : null;

    public string? CertificateAnnotation(string key) =>
        Certificate.Metadata?.Annotations is { } annotations && annotations.TryGetValue(key, out var value) ? value : null;
}

using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>What the steps of one reconcile share: the newest Certificate, its Secret, issuer and next key.</summary>
public sealed class CertificateSyncState : IDisposable
{
    public CertificateSyncState(Certificate certificate, DateTimeOffset now)
    {
        Certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
        // Status times are stored at second precision; comparing against a finer "now" would churn.
        Now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>The newest known Certificate; steps replace it after each status write.</summary>
    public Certificate Certificate { get; set; }

    public DateTimeOffset Now { get; }

    /// <summary>Status changes held for one write per pass; null writes each change at once.</summary>
    internal StatusBatch? StatusBatch { get; init; }

    /// <summary>The operator's renewal spread, applied wherever a renewal time is computed.</summary>
    public RenewalJitter RenewalJitter { get; init; } = RenewalJitter.None;

    public V1Secret? Secret { get; set; }

    public IGenericIssuer? Issuer { get; set; }

    public IssuerType IssuerType { get; set; }

    public bool IssuerReady { get; set; }

    /// <summary>Private key of the issuance in progress; owned (disposed) by this state.</summary>
    public CertificateKey? NextKey { get; set; }

    public IssuedMaterial? Issued { get; set; }

    /// <summary>Why the issuance in progress failed (Order invalid, CA unusable); null when it did not.</summary>
    public string? IssuanceFailure { get; set; }

    /// <summary>Set by a step that wrote Ready itself (invalid spec, conflict): readiness is not re-evaluated.</summary>
    public bool Halted { get; set; }

    public CertificateSpec Spec => Certificate.Spec;

    public string Namespace => Certificate.Metadata.NamespaceProperty ?? "";

    public string Name => Certificate.Metadata.Name;

    public long? Generation => Certificate.Metadata.Generation;

    public bool IsIssuing => ConditionSet.IsTrue(Certificate.Status?.Conditions, ConditionTypes.Issuing);

    /// <summary>The revision being issued: status.revision + 1.</summary>
    public int NextRevision => (Certificate.Status?.Revision ?? 0) + 1;

    /// <summary>Policy input for the current Certificate and Secret.</summary>
    public ReissueInput Input() => new(
        Certificate,
        Secret is null ? null : Secret.Data is { } data ? new Dictionary<string, byte[]>(data) : new Dictionary<string, byte[]>(),
        Secret?.Metadata?.Annotations is { } annotations ? new Dictionary<string, string>(annotations) : null,
        Now)
    {
        RenewalJitter = RenewalJitter,
        SignsLocally = IssuerType is IssuerType.SelfSigned or IssuerType.Ca,
        LastRequest = LastRequest,
    };

    /// <summary>What the CertificateRequest of the current revision asked for; set by the trigger step.</summary>
    public LastRequest? LastRequest { get; set; }

    public void Dispose()
    {
        NextKey?.Dispose();
        NextKey = null;
    }

    /// <summary>The current Secret's tls.crt bytes, or null when there is no Secret or it has none.</summary>
    public byte[]? CurrentTlsCrt() =>
        Secret?.Data is { } data && data.TryGetValue(K8sCertOperator.Policies.SecretKeys.TlsCertificate, out var pem) && pem.Length > 0 ? pem : null;

    /// <summary>The facts of the current Secret's leaf (read once per distinct tls.crt), or null when there is none or it does not parse.</summary>
    public K8sCertOperator.Pki.CertificateInfo? CurrentLeafInfo()
    {
        if (CurrentTlsCrt() is not { } pem)
        {
            return null;
        }
        try
        {
            return K8sCertOperator.Pki.CertificateInfo.FromPem(pem);
        }
        catch (K8sCertOperator.Pki.PkiException)
        {
            return null;
        }
    }

    /// <summary>
    /// The leaf in the current Secret's tls.crt, or null when there is none or it does not parse.
    /// The caller disposes it.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? LoadCurrentLeaf()
    {
        if (CurrentTlsCrt() is not { } pem)
        {
            return null;
        }
        try
        {
            return System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(System.Text.Encoding.UTF8.GetString(pem));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}

using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>An RFC 8555 ACME client bound to one directory and one account key.</summary>
public interface IAcmeClient
{
    Uri DirectoryUrl { get; }

    /// <summary>The account URL ("kid"); set by NewAccount/FindAccount or given up front.</summary>
    Uri? AccountUrl { get; }

    /// <summary>The current account key (replaced by <see cref="KeyChangeAsync"/>).</summary>
    IJwsSigner AccountKey { get; }

    Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken);

    /// <summary>Creates the account for the key, or returns the existing one (RFC 8555 §7.3).</summary>
    Task<AcmeAccount> NewAccountAsync(IReadOnlyList<string> contactEmails, bool termsOfServiceAgreed,
        ExternalAccountBinding? externalAccountBinding, CancellationToken cancellationToken);

    /// <summary>Looks the key's account up (onlyReturnExisting); null when the server has none.</summary>
    Task<AcmeAccount?> FindAccountAsync(CancellationToken cancellationToken);

    /// <summary>Rolls the account over to <paramref name="newKey"/> (RFC 8555 §7.3.5); the caller keeps ownership of both keys.</summary>
    Task KeyChangeAsync(IJwsSigner newKey, CancellationToken cancellationToken);

    Task<AcmeAccount> DeactivateAccountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates an order. <paramref name="replaces"/> is sent only when the directory has renewalInfo,
    /// <paramref name="profile"/> only when the directory lists it.
    /// </summary>
    Task<AcmeOrder> NewOrderAsync(IReadOnlyList<AcmeIdentifier> identifiers, DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null, string? replaces = null, string? profile = null, CancellationToken cancellationToken = default);

    Task<AcmeOrder> GetOrderAsync(Uri orderUrl, CancellationToken cancellationToken);

    Task<AcmeAuthorization> GetAuthorizationAsync(Uri authorizationUrl, CancellationToken cancellationToken);

    /// <summary>The key authorization for a challenge token under the current account key.</summary>
    string GetKeyAuthorization(string token);

    /// <summary>The DNS-01 TXT value for a challenge token under the current account key.</summary>
    string GetDns01TxtValue(string token);

    /// <summary>Tells the server the challenge is ready to be validated.</summary>
    Task<AcmeChallenge> AnswerChallengeAsync(Uri challengeUrl, CancellationToken cancellationToken);

    /// <summary>Polls until the authorization leaves "pending"; throws <see cref="AcmeAuthorizationFailedException"/> unless valid.</summary>
    Task<AcmeAuthorization> WaitForAuthorizationAsync(Uri authorizationUrl, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Polls until the order is ready or valid; throws <see cref="AcmeOrderFailedException"/> when invalid.</summary>
    Task<AcmeOrder> WaitForOrderAsync(Uri orderUrl, TimeSpan timeout, CancellationToken cancellationToken);

    Task<AcmeOrder> FinalizeAsync(AcmeOrder order, byte[] csrDer, CancellationToken cancellationToken);

    /// <summary>Downloads the chain; with <paramref name="preferredChain"/> picks the chain whose top issuer CN matches.</summary>
    Task<AcmeCertificateChain> DownloadCertificateAsync(Uri certificateUrl, string? preferredChain, CancellationToken cancellationToken);

    /// <summary>Revokes by account (kid) or, when <paramref name="certificateKey"/> is given, signed by the certificate key (jwk).</summary>
    Task RevokeCertificateAsync(byte[] certificateDer, int? reason, IJwsSigner? certificateKey, CancellationToken cancellationToken);

    /// <summary>ARI for the certificate; null when the server does not advertise renewalInfo.</summary>
    Task<AcmeRenewalInfo?> GetRenewalInfoAsync(X509Certificate2 certificate, CancellationToken cancellationToken);

    /// <summary>ARI for the certificate given as DER (no platform parse); null when the server does not advertise renewalInfo.</summary>
    Task<AcmeRenewalInfo?> GetRenewalInfoAsync(ReadOnlyMemory<byte> certificateDer, CancellationToken cancellationToken);
}

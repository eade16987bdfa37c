using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Acme;

/// <summary>Certificate download with alternate chains, revocation and renewal information.</summary>
public sealed partial class AcmeClient
{
    private const string PemChainMediaType = "application/pem-certificate-chain";

    public async Task<AcmeCertificateChain> DownloadCertificateAsync(Uri certificateUrl, string? preferredChain, CancellationToken cancellationToken)
    {
        var response = await PostAsGetAsync(AcmeAction.Certificate, certificateUrl, PemChainMediaType, cancellationToken).ConfigureAwait(false);
        var chains = new List<AcmeCertificateChain> { ParseChain(response) };
        if (string.IsNullOrEmpty(preferredChain) || chains[0].TopIssuerCommonName == preferredChain)
        {
            return chains[0];
        }
        foreach (var alternate in response.LinksWithRelation("alternate"))
        {
            var alternateResponse = await PostAsGetAsync(AcmeAction.Certificate, alternate, PemChainMediaType, cancellationToken).ConfigureAwait(false);
            chains.Add(ParseChain(alternateResponse));
        }
        var chosen = PreferredChainSelector.Select(chains.Select(c => c.TopIssuerCommonName).ToList(), preferredChain);
        if (chosen == 0)
        {
            _logger.LogInformation("No chain from {CertificateUrl} leads to {PreferredChain}; using the default chain", certificateUrl, preferredChain);
        }
        return chains[chosen];
    }

    public async Task RevokeCertificateAsync(byte[] certificateDer, int? reason, IJwsSigner? certificateKey, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var url = Require(directory.RevokeCert, "revokeCert");
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new RevokeRequest { Certificate = System.Buffers.Text.Base64Url.EncodeToString(certificateDer), Reason = reason },
            AcmeJsonContext.Default.RevokeRequest);
        if (certificateKey is null)
        {
            await PostAsync(AcmeAction.Revoke, url, payload, useKeyId: true, accept: null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Proving control of the certificate key works without (or with another) account (RFC 8555 §7.6).
            await _http.PostAsync(AcmeAction.Revoke, url, nonce => JwsEncoder.Sign(certificateKey, payload, url, nonce, keyId: null), null, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public Task<AcmeRenewalInfo?> GetRenewalInfoAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return GetRenewalInfoAsync(certificate.RawData, cancellationToken);
    }

    public async Task<AcmeRenewalInfo?> GetRenewalInfoAsync(ReadOnlyMemory<byte> certificateDer, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        if (directory.RenewalInfo is not { } baseUrl)
        {
            return null;
        }
        var certId = RenewalCertId.FromDer(certificateDer);
        var url = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + certId);
        var response = await _http.GetAsync(AcmeAction.RenewalInfo, url, cancellationToken).ConfigureAwait(false);
        return Deserialize(response, AcmeJsonContext.Default.AcmeRenewalInfo) with { RetryAfter = response.RetryAfter };
    }

    private static AcmeCertificateChain ParseChain(AcmeResponse response)
    {
        if (response.ContentType is { } type && !type.Equals(PemChainMediaType, StringComparison.OrdinalIgnoreCase) &&
            !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !type.Contains("pem", StringComparison.OrdinalIgnoreCase))
        {
            throw new AcmeProtocolException($"certificate download from {response.RequestUri} returned '{type}', not {PemChainMediaType}");
        }
        return AcmeCertificateChain.Parse(response.RequestUri, Encoding.UTF8.GetString(response.Body));
    }
}

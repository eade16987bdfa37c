using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Acme;

/// <summary>
/// RFC 8555 client over the BCL. This file holds the directory, signing and account operations;
/// orders live in AcmeClient.Orders.cs, certificates and ARI in AcmeClient.Certificates.cs.
/// </summary>
public sealed partial class AcmeClient : IAcmeClient
{
    private readonly AcmeHttpClient _http;
    private readonly AcmeClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _directoryGate = new(1, 1);
    private readonly AcmeOrigin _origin;
    private AcmeDirectory? _directory;
    private IJwsSigner _accountKey;

    /// <param name="httpClient">Owned by the caller; see <see cref="AcmeHttpHandlerFactory"/> for extra CA trust.</param>
    /// <param name="directoryUrl">The ACME directory URL.</param>
    /// <param name="accountKey">Owned by the caller; never logged.</param>
    /// <param name="accountUrl">A known account URL, to skip the account lookup.</param>
    public AcmeClient(HttpClient httpClient, Uri directoryUrl, IJwsSigner accountKey, Uri? accountUrl = null,
        AcmeClientOptions? options = null, ILogger? logger = null)
    {
        DirectoryUrl = directoryUrl;
        _accountKey = accountKey;
        AccountUrl = accountUrl;
        _options = options ?? new AcmeClientOptions();
        _logger = logger ?? NullLogger.Instance;
        _origin = new AcmeOrigin(directoryUrl);
        _http = new AcmeHttpClient(httpClient, NewNonceUrlAsync, _options.Http, _logger, _origin);
    }

    public Uri DirectoryUrl { get; }

    public Uri? AccountUrl { get; private set; }

    public IJwsSigner AccountKey => _accountKey;

    /// <summary>The nonce pool, visible for diagnostics and tests.</summary>
    public NoncePool Nonces => _http.Nonces;

    public async Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken)
    {
        if (_directory is { } cached)
        {
            return cached;
        }
        await _directoryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_directory is null)
            {
                var response = await _http.GetAsync(AcmeAction.Directory, DirectoryUrl, cancellationToken).ConfigureAwait(false);
                _directory = Deserialize(response, AcmeJsonContext.Default.AcmeDirectory);
            }
            return _directory;
        }
        finally
        {
            _directoryGate.Release();
        }
    }

    public async Task<AcmeAccount> NewAccountAsync(IReadOnlyList<string> contactEmails, bool termsOfServiceAgreed,
        ExternalAccountBinding? externalAccountBinding, CancellationToken cancellationToken)
    {
        // A binding the CA must refuse (RFC 7518 §3.2 key length) fails here, before any request.
        externalAccountBinding?.DecodeMacKey();
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var url = Require(directory.NewAccount, "newAccount");
        var request = new NewAccountRequest
        {
            Contact = contactEmails.Count == 0 ? null : contactEmails.Select(ToMailto).ToList(),
            TermsOfServiceAgreed = termsOfServiceAgreed ? true : null,
            ExternalAccountBinding = externalAccountBinding?.CreateBinding(_accountKey.Jwk, url),
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, AcmeJsonContext.Default.NewAccountRequest);
        var response = await PostAsync(AcmeAction.NewAccount, url, payload, useKeyId: false, accept: null, cancellationToken).ConfigureAwait(false);
        var account = Deserialize(response, AcmeJsonContext.Default.AcmeAccount) with { Location = response.Location };
        AccountUrl = response.Location ?? throw new AcmeProtocolException("newAccount response has no Location header");
        _logger.LogInformation("ACME account {AccountUrl} is {Status}", AccountUrl, account.Status);
        return account;
    }

    public async Task<AcmeAccount?> FindAccountAsync(CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var url = Require(directory.NewAccount, "newAccount");
        var payload = JsonSerializer.SerializeToUtf8Bytes(new NewAccountRequest { OnlyReturnExisting = true }, AcmeJsonContext.Default.NewAccountRequest);
        try
        {
            var response = await PostAsync(AcmeAction.NewAccount, url, payload, useKeyId: false, accept: null, cancellationToken).ConfigureAwait(false);
            AccountUrl = response.Location ?? throw new AcmeProtocolException("newAccount response has no Location header");
            return Deserialize(response, AcmeJsonContext.Default.AcmeAccount) with { Location = response.Location };
        }
        catch (AcmeProtocolException e) when (e.IsAccountDoesNotExist)
        {
            return null;
        }
    }

    public async Task KeyChangeAsync(IJwsSigner newKey, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var url = Require(directory.KeyChange, "keyChange");
        var account = RequireAccount();
        var innerPayload = JsonSerializer.SerializeToUtf8Bytes(
            new KeyChangeRequest { Account = account.AbsoluteUri, OldKey = _accountKey.Jwk }, AcmeJsonContext.Default.KeyChangeRequest);
        // The inner JWS proves possession of the new key: jwk header, same url, no nonce (RFC 8555 §7.3.5).
        var inner = JwsEncoder.Sign(newKey, innerPayload, url, nonce: null, keyId: null);
        var outerPayload = JsonSerializer.SerializeToUtf8Bytes(inner, AcmeJsonContext.Default.JwsMessage);
        await PostAsync(AcmeAction.KeyChange, url, outerPayload, useKeyId: true, accept: null, cancellationToken).ConfigureAwait(false);
        _accountKey = newKey;
        _logger.LogInformation("ACME account {AccountUrl} rolled over to a new {Algorithm} key", account, newKey.Algorithm);
    }

    public async Task<AcmeAccount> DeactivateAccountAsync(CancellationToken cancellationToken)
    {
        var account = RequireAccount();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new StatusUpdateRequest(AcmeStatus.Deactivated), AcmeJsonContext.Default.StatusUpdateRequest);
        var response = await PostAsync(AcmeAction.Account, account, payload, useKeyId: true, accept: null, cancellationToken).ConfigureAwait(false);
        return Deserialize(response, AcmeJsonContext.Default.AcmeAccount) with { Location = account };
    }

    public string GetKeyAuthorization(string token) => AcmeKeyAuthorization.Compute(token, _accountKey.Jwk);

    public string GetDns01TxtValue(string token) => AcmeKeyAuthorization.Dns01TxtValue(GetKeyAuthorization(token));

    /// <summary>Signs <paramref name="payload"/> with the account key (kid) or its jwk and posts it.</summary>
    private Task<AcmeResponse> PostAsync(AcmeAction action, Uri url, byte[] payload, bool useKeyId, string? accept, CancellationToken cancellationToken)
    {
        var signer = _accountKey;
        var keyId = useKeyId ? RequireAccount() : null;
        return _http.PostAsync(action, url, nonce => JwsEncoder.Sign(signer, payload, url, nonce, keyId), accept, cancellationToken);
    }

    /// <summary>POST-as-GET (RFC 8555 §6.3): an empty payload signed with the account key.</summary>
    private Task<AcmeResponse> PostAsGetAsync(AcmeAction action, Uri url, string? accept, CancellationToken cancellationToken) =>
        PostAsync(action, url, [], useKeyId: true, accept, cancellationToken);

    private async Task<Uri> NewNonceUrlAsync(CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        return Require(directory.NewNonce, "newNonce");
    }

    private Uri RequireAccount() =>
        AccountUrl ?? throw new InvalidOperationException("no ACME account: call NewAccountAsync or FindAccountAsync first");

    // Checked here as well as at the send point, so the error names the directory entry.
    private Uri Require(Uri? url, string name) =>
        _origin.Require(url ?? throw new AcmeProtocolException($"the ACME directory has no '{name}' URL"), name);

    private static string ToMailto(string contact) =>
        contact.Contains(':', StringComparison.Ordinal) ? contact : "mailto:" + contact;

    private static T Deserialize<T>(AcmeResponse response, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type)
                ?? throw new AcmeProtocolException($"empty {typeof(T).Name} from {response.RequestUri}");
        }
        catch (JsonException e)
        {
            throw new AcmeProtocolException($"malformed {typeof(T).Name} from {response.RequestUri}: {e.Message}", e);
        }
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// The ACME branch of the issuer reconciler: makes sure the account key exists, finds or registers the account,
/// and hands the ready client to the <see cref="AcmeAccountRegistry"/>.
/// </summary>
public sealed class AcmeAccountRegistrar
{
    public const string RegisteredMessage = "The ACME account was registered with the ACME server";
    private static readonly string[] MacAlgorithms = ["HS256", "HS384", "HS512"];

    private readonly AcmeAccountKeyStore _keys;
    private readonly AcmeAccountRegistry _registry;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    public AcmeAccountRegistrar(AcmeAccountKeyStore keys, AcmeAccountRegistry registry, ILoggerFactory loggerFactory)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        _logger = loggerFactory.CreateLogger<AcmeAccountRegistrar>();
    }

    /// <summary>Registers (or finds) the account of <paramref name="issuer"/>, whose Secrets live in <paramref name="secretNamespace"/>.</summary>
    public async Task<AcmeRegistrationOutcome> ReconcileAsync(IGenericIssuer issuer, string secretNamespace, CancellationToken cancellationToken)
    {
        var acme = issuer.Spec.Acme ?? throw new ArgumentException("not an ACME issuer", nameof(issuer));
        var server = IssuerReadinessRules.ParseServerUrl(acme.Server, out var urlError);
        if (server is null)
        {
            return AcmeRegistrationOutcome.Failed(ConditionReasons.ErrInitIssuer, urlError!);
        }

        var verdict = await NamespacedIssuerCheck.EvaluateAsync(_registry.NamespacedIssuers, issuer, server, cancellationToken).ConfigureAwait(false);
        if (verdict.Refusal is { } refusal)
        {
            return AcmeRegistrationOutcome.Failed(ConditionReasons.ServerNotAllowed, refusal);
        }

        HttpClient http;
        try
        {
            http = _registry.HttpClients.Get(acme.CaBundle, acme.SkipTlsVerify == true, verdict.GuardConnections);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return AcmeRegistrationOutcome.Failed(ConditionReasons.ErrInitIssuer, "spec.acme.caBundle does not hold a PEM certificate bundle");
        }

        var (signer, keyError) = await _keys.LoadOrCreateAsync(
            secretNamespace, acme.PrivateKeySecretRef, acme.DisableAccountKeyGeneration == true, cancellationToken).ConfigureAwait(false);
        if (signer is null)
        {
            return AcmeRegistrationOutcome.Failed(ConditionReasons.ErrInitIssuer, keyError!);
        }

        var keepSigner = false;
        try
        {
            var keyHash = AcmeAccountKeys.Hash(signer);
            var recordedUri = issuer.Status?.Acme?.Uri;
            var hasClient = !string.IsNullOrEmpty(recordedUri) && _registry.Contains(AcmeAccountCacheKey.For(issuer, keyHash, recordedUri));
            var why = AcmeRegistrationDecision.WhyRegister(issuer, keyHash, hasClient);
            if (why is null)
            {
                return AcmeRegistrationOutcome.Skipped;
            }

            var (binding, bindingError) = await LoadBindingAsync(acme, secretNamespace, cancellationToken).ConfigureAwait(false);
            if (bindingError is not null)
            {
                return AcmeRegistrationOutcome.Failed(ConditionReasons.ErrInitIssuer, bindingError);
            }

            _logger.LogInformation("Registering ACME account of {Namespace}/{Name} with {Server}: {Why}",
                issuer.Metadata.NamespaceProperty, issuer.Metadata.Name, server, why);
            var client = new AcmeClient(http, server, signer, options: _registry.ClientOptions, logger: _loggerFactory.CreateLogger<AcmeClient>());
            AcmeOutcomeOrAccount result = await RegisterAsync(client, acme, binding, server, cancellationToken).ConfigureAwait(false);
            if (result.Failure is not null)
            {
                return result.Failure;
            }

            var accountUri = client.AccountUrl!.AbsoluteUri;
            _registry.Store(AcmeAccountCacheKey.For(issuer, keyHash, accountUri), client);
            keepSigner = true;
            var status = new AcmeIssuerStatus
            {
                Uri = accountUri,
                LastRegisteredEmail = string.IsNullOrEmpty(acme.Email) ? null : acme.Email,
                LastPrivateKeyHash = keyHash,
            };
            return new AcmeRegistrationOutcome(IssuerReadiness.Ready(ConditionReasons.AcmeAccountRegistered, RegisteredMessage), status);
        }
        finally
        {
            if (!keepSigner)
            {
                signer.Dispose();
            }
        }
    }

    private static async Task<AcmeOutcomeOrAccount> RegisterAsync(
        AcmeClient client, AcmeIssuer acme, ExternalAccountBinding? binding, Uri server, CancellationToken cancellationToken)
    {
        try
        {
            var account = await client.FindAccountAsync(cancellationToken).ConfigureAwait(false);
            if (account is null)
            {
                IReadOnlyList<string> contacts = string.IsNullOrEmpty(acme.Email) ? [] : [acme.Email];
                account = await client.NewAccountAsync(contacts, termsOfServiceAgreed: true, binding, cancellationToken).ConfigureAwait(false);
            }

            if (account.Status is not ("" or "valid"))
            {
                return new AcmeOutcomeOrAccount(AcmeRegistrationOutcome.Failed(ConditionReasons.ErrRegisterAcmeAccount,
                    $"the ACME account {client.AccountUrl} at {server} is {account.Status}"));
            }

            return new AcmeOutcomeOrAccount(null);
        }
        catch (Exception e) when (e is AcmeProtocolException or HttpRequestException or FormatException ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var retryAfter = (e as AcmeProtocolException)?.RetryAfter;
            var unavailable = Policies.AcmeServerFailurePolicy.Classify(e, server) is not null;
            return new AcmeOutcomeOrAccount(AcmeRegistrationOutcome.Failed(
                ConditionReasons.ErrRegisterAcmeAccount, AcmeFailureMessages.Describe(e, server), retryAfter, unavailable));
        }
    }

    /// <summary>The EAB credentials from spec.acme.externalAccountBinding; cert-manager stores the MAC key base64url-encoded.</summary>
    private async Task<(ExternalAccountBinding? Binding, string? Error)> LoadBindingAsync(AcmeIssuer acme, string secretNamespace, CancellationToken cancellationToken)
    {
        var eab = acme.ExternalAccountBinding;
        if (eab is null)
        {
            return (null, null);
        }

        var algorithm = string.IsNullOrEmpty(eab.KeyAlgorithm) ? "HS256" : eab.KeyAlgorithm;
        if (string.IsNullOrEmpty(eab.KeyId) || string.IsNullOrEmpty(eab.KeySecretRef?.Name))
        {
            return (null, "spec.acme.externalAccountBinding needs keyID and keySecretRef.name");
        }

        if (!MacAlgorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            return (null, $"spec.acme.externalAccountBinding.keyAlgorithm '{algorithm}' is not one of HS256, HS384, HS512");
        }

        var key = string.IsNullOrEmpty(eab.KeySecretRef.Key) ? "secret" : eab.KeySecretRef.Key;
        var where = $"Secret {secretNamespace}/{eab.KeySecretRef.Name}";
        var secret = await _keys.GetSecretAsync(secretNamespace, eab.KeySecretRef.Name, cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            return (null, $"{where} holding the external account binding key not found");
        }

        if (secret.Data is null || !secret.Data.TryGetValue(key, out var bytes) || bytes is not { Length: > 0 })
        {
            return (null, $"{where} has no '{key}' entry holding the external account binding key");
        }

        var mac = Encoding.UTF8.GetString(bytes).Trim();
        if (!IsBase64Url(mac))
        {
            return (null, $"{where} key '{key}' is not a base64url-encoded MAC key");
        }

        return (new ExternalAccountBinding(eab.KeyId, mac, algorithm), null);
    }

    private static bool IsBase64Url(string value)
    {
        try
        {
            return Base64Url.DecodeFromChars(value.TrimEnd('=')).Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private readonly record struct AcmeOutcomeOrAccount(AcmeRegistrationOutcome? Failure);
}

using System.Collections.Concurrent;
using K8sCertOperator.Acme;
using K8sCertOperator.Api;
using K8sCertOperator.Hosting;
using K8sCertOperator.Kube;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// ACME clients for the registered accounts of ACME issuers. The issuer reconciler stores the client it registered
/// with; look-ups by other controllers rebuild one from the account key Secret and status.acme.uri when needed.
/// Entries are keyed by issuer uid and replaced when server, TLS settings, key or account URI change.
/// </summary>
public sealed class AcmeAccountRegistry : IAcmeAccountRegistry, IDisposable
{
    private readonly OperatorApis _apis;
    private readonly OperatorInformers _informers;
    private readonly OperatorOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly AcmeAccountKeyStore _keys;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _buildGate = new(1, 1);

    /// <param name="clientOptions">Options of every ACME client built here or by the registrar (e.g. the request metrics observer).</param>
    public AcmeAccountRegistry(OperatorApis apis, OperatorInformers informers, OperatorOptions options, ILoggerFactory loggerFactory,
        AcmeClientOptions? clientOptions = null)
    {
        _apis = apis ?? throw new ArgumentNullException(nameof(apis));
        _informers = informers ?? throw new ArgumentNullException(nameof(informers));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        _logger = loggerFactory.CreateLogger<AcmeAccountRegistry>();
        _keys = new AcmeAccountKeyStore(apis.Secrets, informers.ManagedSecrets, _logger);
        HttpClients = new AcmeHttpClientCache();
        ClientOptions = clientOptions ?? new AcmeClientOptions();

        _informers.Issuers.OnUpdate += (_, updated) => EvictIfStale(updated);
        _informers.Issuers.OnDelete += Evict;
        _informers.ClusterIssuers.OnUpdate += (_, updated) => EvictIfStale(updated);
        _informers.ClusterIssuers.OnDelete += Evict;
    }

    /// <summary>HttpClients per TLS configuration, shared with the issuer reconciler.</summary>
    public AcmeHttpClientCache HttpClients { get; }

    /// <summary>What namespaced Issuers may use (the operator's outbound policy).</summary>
    public Policies.NamespacedIssuerRestrictions NamespacedIssuers => _options.NamespacedIssuers;

    /// <summary>Options for the ACME clients of all issuers, shared with the issuer reconciler.</summary>
    public AcmeClientOptions ClientOptions { get; }

    /// <summary>Number of cached account clients (diagnostics and tests).</summary>
    public int Count => _entries.Count;

    public async Task<AcmeAccountLookup> GetAsync(ObjectReference issuerRef, string @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuerRef);
        IGenericIssuer? issuer = issuerRef.IsClusterIssuer
            ? _informers.ClusterIssuers.Get(new ObjectKey(null, issuerRef.Name))
            : _informers.Issuers.Get(new ObjectKey(@namespace, issuerRef.Name));
        var described = issuerRef.IsClusterIssuer ? $"ClusterIssuer {issuerRef.Name}" : $"Issuer {@namespace}/{issuerRef.Name}";
        if (issuer is null)
        {
            return AcmeAccountLookup.NotReady($"{described} not found");
        }

        if (issuer.Spec?.Acme is null)
        {
            return AcmeAccountLookup.NotReady($"issuer {described} is not an ACME issuer", issuer);
        }

        var ready = ConditionSet.Find(issuer.Status?.Conditions, ConditionTypes.Ready);
        if (ready?.Status != ConditionStatus.True)
        {
            var why = ready is null ? "no Ready condition yet" : $"{ready.Reason}: {ready.Message}";
            return AcmeAccountLookup.NotReady($"{described} is not ready ({why})", issuer);
        }

        if (AcmeAccountCacheKey.FromStatus(issuer) is not { } key)
        {
            return AcmeAccountLookup.NotReady($"{described} has no registered ACME account recorded", issuer);
        }

        if (TryGet(key) is { } cached)
        {
            return AcmeAccountLookup.Ready(cached, issuer);
        }

        await _buildGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return TryGet(key) is { } raced
                ? AcmeAccountLookup.Ready(raced, issuer)
                : await BuildAsync(issuer, key, described, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _buildGate.Release();
        }
    }

    /// <summary>True when a client for exactly <paramref name="key"/> is cached.</summary>
    public bool Contains(AcmeAccountCacheKey key) => TryGet(key) is not null;

    /// <summary>Caches the client the issuer reconciler registered with, replacing any older one for the issuer.</summary>
    public void Store(AcmeAccountCacheKey key, IAcmeClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The replaced client is not disposed: an Order reconcile may still be using it; its key is collected with it.
        _entries[key.IssuerUid] = new Entry(key, client);
    }

    /// <summary>Forgets the client of a deleted issuer.</summary>
    public void Evict(IGenericIssuer issuer)
    {
        if (issuer.Metadata?.Uid is { } uid)
        {
            _entries.TryRemove(uid, out _);
        }
    }

    public void Dispose()
    {
        _entries.Clear();
        HttpClients.Dispose();
        _buildGate.Dispose();
    }

    private IAcmeClient? TryGet(AcmeAccountCacheKey key) =>
        _entries.TryGetValue(key.IssuerUid, out var entry) && entry.Key == key ? entry.Client : null;

    private void EvictIfStale(IGenericIssuer issuer)
    {
        var uid = issuer.Metadata?.Uid;
        if (uid is null || !_entries.TryGetValue(uid, out var entry))
        {
            return;
        }

        if (AcmeAccountCacheKey.FromStatus(issuer) != entry.Key)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(uid, entry));
        }
    }

    private async Task<AcmeAccountLookup> BuildAsync(IGenericIssuer issuer, AcmeAccountCacheKey key, string described, CancellationToken cancellationToken)
    {
        var acme = issuer.Spec.Acme!;
        var secretNamespace = issuer is ClusterIssuer ? OperatorContext.ClusterResourceNamespaceOf(_options) : issuer.Metadata.NamespaceProperty;
        var secret = await _keys.GetSecretAsync(secretNamespace, acme.PrivateKeySecretRef.Name, cancellationToken).ConfigureAwait(false);
        if (secret is null)
        {
            return AcmeAccountLookup.NotReady($"{described}: account key Secret {secretNamespace}/{acme.PrivateKeySecretRef.Name} not found", issuer);
        }

        var signer = AcmeAccountKeys.Parse(secret, AcmeAccountKeys.SecretKeyOf(acme.PrivateKeySecretRef), out var error);
        if (signer is null)
        {
            return AcmeAccountLookup.NotReady($"{described}: {error}", issuer);
        }

        if (AcmeAccountKeys.Hash(signer) != key.KeyHash)
        {
            signer.Dispose();
            return AcmeAccountLookup.NotReady($"{described}: the account key changed; waiting for the issuer to register it", issuer);
        }

        HttpClient http;
        try
        {
            var guarded = Policies.NamespacedIssuerPolicy.NeedsAddressCheck(NamespacedIssuers, issuer is ClusterIssuer, new Uri(key.Server));
            http = HttpClients.Get(acme.CaBundle, acme.SkipTlsVerify == true, guarded);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            signer.Dispose();
            return AcmeAccountLookup.NotReady($"{described}: spec.acme.caBundle is not a PEM certificate bundle", issuer);
        }

        var client = new AcmeClient(http, new Uri(key.Server), signer, new Uri(key.AccountUri),
            ClientOptions, _loggerFactory.CreateLogger<AcmeClient>());
        Store(key, client);
        _logger.LogDebug("Built ACME client for {Issuer} account {AccountUri}", described, key.AccountUri);
        return AcmeAccountLookup.Ready(client, issuer);
    }

    private sealed record Entry(AcmeAccountCacheKey Key, IAcmeClient Client);
}

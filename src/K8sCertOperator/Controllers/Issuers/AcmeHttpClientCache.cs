using System.Security.Cryptography;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// One HttpClient per distinct ACME TLS configuration (CA bundle, skip-verify, guarded connections), shared by every
/// issuer that uses it, so connections are pooled and sockets are not exhausted by a client per reconcile. Bounded:
/// the least recently used configuration is dropped beyond <see cref="Capacity"/>, so tenants cycling through
/// caBundles cannot grow it without limit.
/// </summary>
public sealed class AcmeHttpClientCache : IDisposable
{
    /// <summary>Configurations kept; far more than a cluster has distinct CA bundles in use at once.</summary>
    public const int DefaultCapacity = 64;

    private readonly Dictionary<string, LinkedListNode<Entry>> _clients = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public AcmeHttpClientCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Cache key of a TLS configuration; part of the account cache key so a changed bundle gets a new client.</summary>
    public static string KeyOf(byte[]? caBundle, bool skipTlsVerify) =>
        skipTlsVerify ? "insecure" : caBundle is { Length: > 0 } ? "ca:" + Convert.ToHexString(SHA256.HashData(caBundle)) : "system";

    /// <summary>
    /// The shared client; throws <see cref="ArgumentException"/> when <paramref name="caBundle"/> holds no PEM certificate.
    /// <paramref name="guarded"/> clients connect to public addresses only (namespaced Issuers under the outbound policy).
    /// </summary>
    public HttpClient Get(byte[]? caBundle, bool skipTlsVerify, bool guarded = false)
    {
        var key = KeyOf(caBundle, skipTlsVerify) + (guarded ? "+guarded" : "");
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_clients.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
                _recency.AddFirst(existing);
                return existing.Value.Client;
            }

            AcmeTlsOptions? tls = skipTlsVerify
                ? new AcmeTlsOptions { InsecureSkipVerify = true }
                : caBundle is { Length: > 0 } ? AcmeTlsOptions.FromCaBundlePem(caBundle) : null;
            var client = AcmeHttpHandlerFactory.CreateClient(tls, guarded ? GuardedConnector.PublicOnly : null);
            _clients[key] = _recency.AddFirst(new Entry(key, client));
            while (_clients.Count > Capacity)
            {
                // Not disposed: ACME clients cached for issuers may still hold it. Once they are gone it is collected,
                // and its idle connections close on their own (SocketsHttpHandler's idle timeout).
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _clients.Remove(oldest.Value.Key);
            }

            return client;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var entry in _recency)
            {
                entry.Client.Dispose();
            }

            _clients.Clear();
            _recency.Clear();
        }
    }

    private sealed record Entry(string Key, HttpClient Client);
}

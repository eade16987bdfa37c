using System.Security.Cryptography;
using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// One HttpClient per distinct ACME TLS configuration (CA bundle, skip-verify), shared by every issuer that uses it,
/// so connections are pooled and sockets are not exhausted by a client per reconcile.
/// </summary>
public sealed class AcmeHttpClientCache : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

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

    /// <summary>The shared client; throws <see cref="ArgumentException"/> when <paramref name="caBundle"/> holds no PEM certificate.</summary>
    public HttpClient Get(byte[]? caBundle, bool skipTlsVerify)
    {
        var key = KeyOf(caBundle, skipTlsVerify);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_clients.TryGetValue(key, out var existing))
            {
                return existing;
            }

            AcmeTlsOptions? tls = skipTlsVerify
                ? new AcmeTlsOptions { InsecureSkipVerify = true }
                : caBundle is { Length: > 0 } ? AcmeTlsOptions.FromCaBundlePem(caBundle) : null;
            var client = AcmeHttpHandlerFactory.CreateClient(tls);
            _clients[key] = client;
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
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }
}

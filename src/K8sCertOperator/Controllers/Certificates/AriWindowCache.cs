using K8sCertOperator.Api;
using System.Collections.Concurrent;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Policies;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// ACME Renewal Information (RFC 9773) per issued certificate, fetched through the issuer's
/// account and kept until the server's Retry-After (default six hours) so a resync does not
/// turn into a request per certificate. No ARI (server without renewalInfo, or an error)
/// means "use our own renewal time", as does a certificate without an authority key identifier (no CertID).
/// </summary>
public sealed class AriWindowCache
{
    private static readonly TimeSpan DefaultRefresh = TimeSpan.FromHours(6);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly OperatorContext _context;
    private readonly ILogger _logger;

    public AriWindowCache(OperatorContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _logger = context.LoggerFactory.CreateLogger<AriWindowCache>();
    }

    public async Task<AriWindow?> GetAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IssuerType != IssuerType.Acme || state.CurrentLeafInfo() is not { } current)
        {
            return null;
        }
        var key = $"{state.Namespace}/{state.Name}/{current.SerialNumberHex}";
        var now = _context.Time.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && cached.RefreshAt > now)
        {
            return cached.Window;
        }
        var lookup = await _context.AcmeAccounts.GetAsync(state.Spec.IssuerRef, state.Namespace, cancellationToken).ConfigureAwait(false);
        if (!lookup.IsReady)
        {
            return cached?.Window;
        }
        try
        {
            var info = await lookup.Client!.GetRenewalInfoAsync(LeafDer(state), cancellationToken).ConfigureAwait(false);
            var window = info?.SuggestedWindow is { } w ? new AriWindow(w.Start, w.End) : null;
            _entries[key] = new Entry(window, now + (info?.RetryAfter ?? DefaultRefresh));
            return window;
        }
        catch (Exception e) when (e is AcmeProtocolException or HttpRequestException or TimeoutException or ArgumentException)
        {
            _logger.LogInformation("No renewal information for {Namespace}/{Name}: {Error}", state.Namespace, state.Name, e.Message);
            _entries[key] = new Entry(null, now + TimeSpan.FromMinutes(30));
            return null;
        }
    }

    // The facts above came from this tls.crt, so it has a first certificate; only its bytes are needed (no platform parse).
    private static byte[] LeafDer(CertificateSyncState state) =>
        Pki.PemCodec.DecodeCertificateDers(System.Text.Encoding.UTF8.GetString(state.CurrentTlsCrt()!))[0];

    private sealed record Entry(AriWindow? Window, DateTimeOffset RefreshAt);
}

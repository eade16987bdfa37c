using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Acme.Http;

/// <summary>
/// Builds the HttpMessageHandler for ACME traffic, optionally trusting an extra CA bundle. Redirects are never
/// followed: RFC 8555 needs none, and a followed redirect would carry the request (and its signed payload) to an
/// address the server chose. A 3xx surfaces as an error. Decompression stays on; the HTTP layer counts the
/// decompressed bytes against its cap while reading.
/// </summary>
public static class AcmeHttpHandlerFactory
{
    /// <summary>Longest wait for a TCP/TLS connection; the request timeout bounds the rest.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    /// <param name="tls">Extra trust or skip-verify; null uses the system roots.</param>
    /// <param name="connector">When set, decides which addresses connections may go to (see <see cref="GuardedConnector"/>).</param>
    public static SocketsHttpHandler Create(AcmeTlsOptions? tls = null, GuardedConnector? connector = null)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            AllowAutoRedirect = false,
            ConnectTimeout = ConnectTimeout,
            MaxResponseHeadersLength = 64, // KiB (the default, stated: headers are peer-controlled bytes too)
        };
        connector?.Apply(handler);
        if (tls is null)
        {
            return handler;
        }
        if (tls.InsecureSkipVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            return handler;
        }
        if (!string.IsNullOrWhiteSpace(tls.TrustedCaBundlePem))
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(tls.TrustedCaBundlePem);
            if (roots.Count == 0)
            {
                throw new ArgumentException("the trusted CA bundle contains no PEM certificate", nameof(tls));
            }
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                Validate(certificate, chain, errors, roots);
        }
        return handler;
    }

    /// <summary>Builds an HttpClient over <see cref="Create"/>; the client owns the handler.</summary>
    public static HttpClient CreateClient(AcmeTlsOptions? tls = null, GuardedConnector? connector = null) =>
        new(Create(tls, connector), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>System trust first; otherwise the chain must end in one of <paramref name="roots"/> with the name matching.</summary>
    internal static bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            // Name mismatch or no certificate: an extra root does not fix those.
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}

using K8sCertOperator.Outbound;

namespace K8sCertOperator.Acme.Http;

/// <summary>
/// The directory's origin (scheme, host, port). Every URL an ACME server hands back (directory entries, Location,
/// authorizations, challenges, finalize, certificate, alternate links) must share it before the client sends
/// anything there: a CA has no reason to point elsewhere, and a hostile one could otherwise aim the operator's
/// requests at internal services.
/// </summary>
public sealed class AcmeOrigin
{
    private readonly Uri _origin;

    public AcmeOrigin(Uri directoryUrl)
    {
        ArgumentNullException.ThrowIfNull(directoryUrl);
        if (!directoryUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("the directory URL must be absolute", nameof(directoryUrl));
        }

        _origin = directoryUrl;
    }

    public bool Contains(Uri url) =>
        url.IsAbsoluteUri &&
        string.Equals(url.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(url.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        url.Port == _origin.Port;

    /// <summary>Returns <paramref name="url"/>, or throws <see cref="AcmeProtocolException"/> when it is on another origin.</summary>
    public Uri Require(Uri url, string what)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Contains(url))
        {
            throw new AcmeProtocolException(
                $"the ACME server gave a {what} URL on {Describe(url)}, not on its directory's origin {Describe(_origin)}; refusing to use it");
        }

        return url;
    }

    public override string ToString() => Describe(_origin);

    private static string Describe(Uri url) =>
        url.IsAbsoluteUri ? SafeExcerpt.From($"{url.Scheme}://{url.Authority}", 100)! : "a relative URL";
}

using System.Net;

namespace K8sCertOperator.Solvers.Dns01.Cloudflare;

/// <summary>The Cloudflare API answered with an error (HTTP status plus the API's <c>errors[]</c>).</summary>
public sealed class CloudflareApiException : DnsProviderException
{
    public CloudflareApiException(string message, HttpStatusCode statusCode, IReadOnlyList<int> errorCodes)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCodes = errorCodes;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Cloudflare error codes from the response body (e.g. 10000 for an authentication error).</summary>
    public IReadOnlyList<int> ErrorCodes { get; }
}

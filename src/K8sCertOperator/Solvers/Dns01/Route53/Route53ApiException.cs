using System.Net;

namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>The Route53 API answered with an <c>ErrorResponse</c> (e.g. InvalidChangeBatch, AccessDenied, SignatureDoesNotMatch).</summary>
public sealed class Route53ApiException : DnsProviderException
{
    public Route53ApiException(string message, HttpStatusCode statusCode, string? errorCode)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>Error/Code</c> element, when the body had one.</summary>
    public string? ErrorCode { get; }
}

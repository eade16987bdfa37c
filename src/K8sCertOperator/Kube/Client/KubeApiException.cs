using System.Net;

namespace K8sCertOperator.Kube.Client;

/// <summary>An API-server error mapped to a typed outcome (404 NotFound, 409 Conflict/AlreadyExists, 410 Gone).</summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(KubeApiErrorKind kind, HttpStatusCode? statusCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    public KubeApiErrorKind Kind { get; }

    public HttpStatusCode? StatusCode { get; }
}

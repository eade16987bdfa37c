using System.Net;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>The webhook solver could not be reached through the API server, or reported failure.</summary>
public sealed class WebhookSolverException : DnsProviderException
{
    public WebhookSolverException(string message, HttpStatusCode? statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>HTTP status from the API server; OK (200) when the webhook itself said <c>success: false</c>.</summary>
    public HttpStatusCode? StatusCode { get; }
}

using System.Net;

namespace K8sCertOperator.Acme.Http;

/// <summary>
/// Told about every HTTP attempt of <see cref="AcmeHttpClient"/>, each retry on its own. Called on the request
/// path, so implementations must be cheap and must not throw.
/// </summary>
public interface IAcmeRequestObserver
{
    /// <param name="action">What the request was for.</param>
    /// <param name="method">GET, HEAD or POST.</param>
    /// <param name="url">The request URL; only its host is meant for labels.</param>
    /// <param name="status">The response status, or null when the attempt failed in transport or timed out.</param>
    /// <param name="duration">From sending the request to having read the response body (or failing).</param>
    void RequestCompleted(AcmeAction action, HttpMethod method, Uri url, HttpStatusCode? status, TimeSpan duration);
}

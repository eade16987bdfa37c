using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme.Http;

/// <summary>The ACME server answered with an error (an RFC 7807 problem document, or an unexpected response).</summary>
public class AcmeProtocolException : Exception
{
    public AcmeProtocolException(AcmeProblem problem, int httpStatus, TimeSpan? retryAfter = null, Uri? requestUri = null)
        : base(Describe(problem, httpStatus, requestUri))
    {
        Problem = problem;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
        RequestUri = requestUri;
    }

    public AcmeProtocolException(string message, Exception? inner = null)
        : base(message, inner)
    {
        Problem = new AcmeProblem { Detail = message };
    }

    public AcmeProblem Problem { get; }

    /// <summary>The problem type URN, e.g. urn:ietf:params:acme:error:rateLimited.</summary>
    public string? Type => Problem.Type;

    public string? Detail => Problem.Detail;

    /// <summary>The problem's "status" member, else the HTTP status code.</summary>
    public int Status => Problem.Status ?? HttpStatus;

    public int HttpStatus { get; }

    public IReadOnlyList<AcmeProblem> Subproblems => Problem.Subproblems ?? [];

    /// <summary>How long the server asked us to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    public Uri? RequestUri { get; }

    public bool IsBadNonce => Is(AcmeProblemTypes.BadNonce);

    public bool IsRateLimited => Is(AcmeProblemTypes.RateLimited) || HttpStatus == 429;

    public bool IsAccountDoesNotExist => Is(AcmeProblemTypes.AccountDoesNotExist);

    public bool IsExternalAccountRequired => Is(AcmeProblemTypes.ExternalAccountRequired);

    public bool IsUnauthorized => Is(AcmeProblemTypes.Unauthorized);

    public bool IsMalformed => Is(AcmeProblemTypes.Malformed);

    public bool IsOrderNotReady => Is(AcmeProblemTypes.OrderNotReady);

    public bool IsAlreadyRevoked => Is(AcmeProblemTypes.AlreadyRevoked);

    /// <summary>True when the CA refuses an identifier, directly or in any subproblem (policy, blocklist).</summary>
    public bool IsRejectedIdentifier =>
        Is(AcmeProblemTypes.RejectedIdentifier) ||
        Subproblems.Any(s => s.Type == AcmeProblemTypes.RejectedIdentifier);

    /// <summary>
    /// The server never answered: the HTTP layer gave up after its retries on a network error or timeout
    /// (it wraps those with no HTTP status and the transport exception as the inner one).
    /// </summary>
    public bool IsTransportFailure =>
        HttpStatus == 0 && InnerException is HttpRequestException or OperationCanceledException or TimeoutException or IOException;

    /// <summary>Errors worth retrying later without changing the request.</summary>
    public bool IsTransient => IsTransportFailure || IsBadNonce || IsRateLimited || HttpStatus >= 500 || Is(AcmeProblemTypes.ServerInternal);

    public bool Is(string problemType) => string.Equals(Type, problemType, StringComparison.Ordinal);

    private static string Describe(AcmeProblem problem, int httpStatus, Uri? requestUri)
    {
        var where = requestUri is null ? string.Empty : $" ({Outbound.SafeExcerpt.From(requestUri.AbsolutePath, 100)})";
        return $"ACME error {httpStatus}{where}: {problem}";
    }
}

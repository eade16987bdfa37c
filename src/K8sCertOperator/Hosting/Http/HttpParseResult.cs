namespace K8sCertOperator.Hosting.Http;

/// <summary>A parsed request head, or the status (400, 505) and reason for refusing it.</summary>
public sealed record HttpParseResult(HttpRequestHead? Request, int Status, string Error)
{
    public static HttpParseResult Ok(HttpRequestHead request) => new(request, 0, string.Empty);

    public static HttpParseResult Fail(int status, string error) => new(null, status, error);
}

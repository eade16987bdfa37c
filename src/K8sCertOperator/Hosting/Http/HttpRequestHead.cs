namespace K8sCertOperator.Hosting.Http;

/// <summary>
/// What our embedded servers look at in a request: the method and the path (raw, query removed).
/// Headers are checked while parsing but not kept; no handler of ours reads them.
/// </summary>
/// <param name="Method">The request method exactly as sent (methods are case-sensitive).</param>
/// <param name="Path">The path of the request target, not percent-decoded: ACME tokens and our
/// fixed routes are plain ASCII, and comparing the raw form avoids decoding ambiguities.</param>
/// <param name="Query">The query string without the '?', or empty.</param>
public sealed record HttpRequestHead(string Method, string Path, string Query)
{
    public bool IsHead => Method == "HEAD";

    public bool IsGetOrHead => Method is "GET" or "HEAD";
}

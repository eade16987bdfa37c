namespace K8sCertOperator.Hosting.Http;

/// <summary>Answers one request. Called only for GET and HEAD; the server answers everything else itself.</summary>
public delegate ValueTask<HttpAnswer> HttpRequestHandler(HttpRequestHead request, CancellationToken cancellationToken);

namespace K8sCertOperator.Tests.Solvers.Dns01;

/// <summary>One request as the fake API server saw it.</summary>
public sealed record RecordedRequest(
    string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string PathAndQuery => Path + Query;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

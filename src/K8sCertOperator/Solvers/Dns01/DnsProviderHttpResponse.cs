using System.Net;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Status and (bounded) body text of a DNS API exchange.</summary>
public sealed record DnsProviderHttpResponse(HttpStatusCode StatusCode, string Text)
{
    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and < 300;
}

using System.Net;

namespace K8sCertOperator.Acme.Http;

/// <summary>The default observer: records nothing (the standalone CLI and tests export no metrics).</summary>
public sealed class NullAcmeRequestObserver : IAcmeRequestObserver
{
    public static NullAcmeRequestObserver Instance { get; } = new();

    private NullAcmeRequestObserver()
    {
    }

    public void RequestCompleted(AcmeAction action, HttpMethod method, Uri url, HttpStatusCode? status, TimeSpan duration)
    {
    }
}

using System.Net.Http.Headers;
using k8s;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// Sends requests to the API server over KubernetesClient's connection: its HttpClient carries the TLS
/// settings of the kubeconfig or in-cluster config and its credentials add the bearer token or exec
/// result, so authentication stays the library's while URLs and JSON are ours (the same in a NativeAOT build).
/// </summary>
public sealed class KubeTransport
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly Kubernetes _client;
    private readonly Uri _base;

    public KubeTransport(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client as Kubernetes ?? throw new ArgumentException("a Kubernetes API connection is required", nameof(client));
        _base = new Uri(_client.BaseUri.ToString().TrimEnd('/') + "/");
    }

    /// <summary>Time allowed for one non-watch call (KubernetesClient's own default).</summary>
    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(100);

    /// <summary>Resolves <paramref name="relative"/> against the server, adds auth and sends it.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool streaming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(_base, relative.ToString().TrimStart('/'));
        }
        request.Headers.Accept.Add(Json);
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        if (streaming)
        {
            return await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        return await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
    }
}

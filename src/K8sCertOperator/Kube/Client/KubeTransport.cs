using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
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

    /// <summary>
    /// Resolves a relative URI against the server, adds auth and sends it, returning once the headers are in:
    /// bodies are read as streams, so a large LIST is deserialized as it arrives instead of being buffered whole.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(_base, relative.ToString().TrimStart('/'));
        }
        if (request.Headers.Accept.Count == 0)
        {
            // A caller that asked for a specific view (metadata only) gets no full-object fallback.
            request.Headers.Accept.Add(Json);
        }
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
        }
        return await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A token that also ends after <see cref="RequestTimeout"/>: for one call, request and body (not for watches).</summary>
    public static CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(RequestTimeout);
        return deadline;
    }

    /// <summary>GET of any API path as a JSON document (for reads of kinds the operator has no model for); null on 404.</summary>
    public async Task<JsonDocument?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await SendAsync(request, deadline.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await KubeApiErrors.EnsureSuccessAsync(response, deadline.Token).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(body, cancellationToken: deadline.Token).ConfigureAwait(false);
    }
}

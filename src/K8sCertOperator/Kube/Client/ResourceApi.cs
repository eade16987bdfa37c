using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// <see cref="IResourceApi{T}"/> over the API server's REST paths, for built-in and custom kinds alike:
/// requests through <see cref="KubeTransport"/>, bodies through <see cref="KubeJson"/>'s generated metadata.
/// </summary>
public sealed class ResourceApi<T> : IResourceApi<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private const string MergePatch = "application/merge-patch+json";
    private readonly KubeTransport _transport;
    private readonly ResourcePath _path;
    private readonly JsonTypeInfo<T> _type;
    private readonly JsonTypeInfo<KubeList<T>> _list;
    private readonly bool _metadataOnly;
    private readonly WireNames? _wire;

    /// <param name="metadataOnly">
    /// Read lists, watches and gets as PartialObjectMetadata (T must be <see cref="PartialObjectMetadata"/>): the
    /// server sends no data, so watching every Secret costs no more than their names.
    /// </param>
    /// <param name="wire">Renames between native and wire names (a non-native API flavor); null: none.</param>
    public ResourceApi(KubeTransport transport, ResourcePath path, bool metadataOnly = false, WireNames? wire = null)
    {
        _wire = wire;
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _path = path ?? throw new ArgumentNullException(nameof(path));
        if (metadataOnly && typeof(T) != typeof(PartialObjectMetadata))
        {
            throw new ArgumentException("a metadata-only API reads PartialObjectMetadata", nameof(metadataOnly));
        }
        _metadataOnly = metadataOnly;
        _type = KubeJson.TypeInfo<T>();
        _list = KubeJson.TypeInfo<KubeList<T>>();
    }

    public async Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        var uri = _path.Collection(@namespace) + Query(("labelSelector", WireSelector(labelSelector)));
        using var deadline = KubeTransport.Deadline(cancellationToken);
        using var response = await SendAsync(HttpMethod.Get, uri, null, null, deadline.Token, PartialObjectMetadata.ListMediaType).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        var list = await JsonSerializer.DeserializeAsync(body, _list, deadline.Token).ConfigureAwait(false);
        return new ResourceList<T>([.. (list?.Items ?? []).Select(Received)], list?.Metadata?.ResourceVersion);
    }

    public async IAsyncEnumerable<(WatchEventKind Type, T Object)> WatchAsync(
        string? @namespace, string? labelSelector, string? resourceVersion, bool allowBookmarks, TimeSpan? timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var uri = _path.Collection(@namespace) + Query(
            ("watch", "true"),
            ("labelSelector", WireSelector(labelSelector)),
            ("resourceVersion", resourceVersion),
            ("allowWatchBookmarks", allowBookmarks ? "true" : null),
            ("timeoutSeconds", timeout is { } t ? ((int)Math.Max(1, t.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        using var response = await SendAsync(HttpMethod.Get, uri, null, null, cancellationToken, PartialObjectMetadata.ObjectMediaType).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var (type, obj) in WatchStream.ReadAsync(body, _type, cancellationToken).ConfigureAwait(false))
        {
            yield return (type, Received(obj));
        }
    }

    public async Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ObjectAsync(HttpMethod.Get, _path.Item(@namespace, name), null, null, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
        {
            return null;
        }
    }

    public Task<T> CreateAsync(T obj, CancellationToken cancellationToken) =>
        ObjectAsync(HttpMethod.Post, _path.Collection(Required(obj).Namespace()), Body(obj), "application/json", cancellationToken);

    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken) =>
        ObjectAsync(HttpMethod.Put, _path.Item(Required(obj).Namespace(), obj.Name()), Body(obj), "application/json", cancellationToken);

    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken) =>
        ObjectAsync(HttpMethod.Put, _path.Item(Required(obj).Namespace(), obj.Name(), "status"), Body(obj), "application/json", cancellationToken);

    public Task<T> PatchAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        ObjectAsync(HttpMethod.Patch, _path.Item(@namespace, name), WireBody(mergePatchJson), MergePatch, cancellationToken);

    public Task<T> PatchStatusAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        ObjectAsync(HttpMethod.Patch, _path.Item(@namespace, name, "status"), WireBody(mergePatchJson), MergePatch, cancellationToken);

    public async Task<bool> DeleteAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = KubeTransport.Deadline(cancellationToken);
            using var response = await SendAsync(HttpMethod.Delete, _path.Item(@namespace, name), null, null, deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
        {
            return false;
        }
    }

    private async Task<T> ObjectAsync(HttpMethod method, string uri, string? body, string? contentType, CancellationToken cancellationToken)
    {
        using var deadline = KubeTransport.Deadline(cancellationToken);
        using var response = await SendAsync(method, uri, body, contentType, deadline.Token, PartialObjectMetadata.ObjectMediaType).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
        var obj = await JsonSerializer.DeserializeAsync(stream, _type, deadline.Token).ConfigureAwait(false)
            ?? throw new KubeApiException(KubeApiErrorKind.Other, response.StatusCode, $"{method} {uri} returned no object");
        return Received(obj);
    }

    /// <summary>Sends one request and returns the successful response; API errors become <see cref="KubeApiException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string uri, string? body, string? contentType, CancellationToken cancellationToken, string? metadataMediaType = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(uri, UriKind.Relative));
        if (_metadataOnly && metadataMediaType is not null)
        {
            request.Headers.Accept.Add(System.Net.Http.Headers.MediaTypeWithQualityHeaderValue.Parse(metadataMediaType));
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType ?? "application/json");
        }
        var response = await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await KubeApiErrors.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private string Body(T obj) => WireBody(JsonSerializer.Serialize(TypeMeta.Ensure(obj), _type));

    // A non-native flavor: names renamed on the way out and back in; the native one sends and keeps them as they are.
    private string WireBody(string json) => _wire is null ? json : _wire.Write(json);

    private string? WireSelector(string? labelSelector) => _wire is null ? labelSelector : _wire.Selector(labelSelector);

    private T Received(T obj) => TypeMeta.Ensure(_wire is null ? obj : _wire.Read(obj));

    private static T Required(T obj) => obj ?? throw new ArgumentNullException(nameof(obj));

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return present.Count == 0 ? string.Empty : "?" + string.Join('&', present);
    }
}

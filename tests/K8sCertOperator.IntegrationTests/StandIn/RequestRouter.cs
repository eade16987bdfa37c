using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Maps HTTP requests onto discovery documents, resource operations and watches.</summary>
internal sealed class RequestRouter(
    ResourceRegistry registry,
    ResourceOperations operations,
    WatchStreamer watches,
    FaultInjector faults,
    RequestCounters counters,
    Func<string> serverAddress)
{
    public async Task HandleAsync(HttpContext context)
    {
        var token = context.RequestAborted;
        try
        {
            if (context.Request.Path.Value?.TrimEnd('/') is "/healthz" or "/livez" or "/readyz")
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", token).ConfigureAwait(false);
                return;
            }
            if (Discovery(context.Request.Path.Value ?? "/") is { } document)
            {
                await WriteAsync(context, 200, document, token).ConfigureAwait(false);
                return;
            }
            await HandleResourceAsync(context, token).ConfigureAwait(false);
        }
        catch (ApiException failure) when (!context.Response.HasStarted)
        {
            if (failure.Code == 429)
            {
                context.Response.Headers.RetryAfter = "1";
            }
            await WriteAsync(context, failure.Code, failure.ToStatus(), token).ConfigureAwait(false);
        }
        catch (JsonException malformed) when (!context.Response.HasStarted)
        {
            var failure = ApiException.BadRequest($"the request body is not valid JSON: {malformed.Message}");
            await WriteAsync(context, 400, failure.ToStatus(), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Client went away.
        }
        catch (Exception bug) when (!context.Response.HasStarted)
        {
            // A stand-in bug must show up in the failing test's message rather than as an empty 500.
            var failure = new ApiException(500, "InternalError", $"stand-in failure: {bug}");
            await WriteAsync(context, 500, failure.ToStatus(), token).ConfigureAwait(false);
        }
    }

    private async Task HandleResourceAsync(HttpContext context, CancellationToken token)
    {
        var http = context.Request;
        var query = http.Query;
        var watch = query["watch"].ToString() is "true" or "1";
        var path = http.Path.Value ?? "/";
        var request = ApiRequest.Parse(http.Method, path, watch)
            ?? throw (http.Method == "GET" ? ApiException.NotFoundResource(path) : ApiException.MethodNotAllowed($"{http.Method} is not supported on {path}"));
        counters.Record(request);
        if (faults.Take(request) is { } injected)
        {
            throw injected;
        }
        var type = registry.Find(request.Group, request.Version, request.Plural) ?? throw ApiException.NotFoundResource(path);
        if (!type.Namespaced && request.Namespace is not null)
        {
            throw ApiException.NotFoundResource(path);
        }
        if (request.Subresource is not null && !(request.Subresource == "status" && type.HasStatusSubresource))
        {
            throw ApiException.NotFoundResource(path);
        }
        var name = request.Name ?? "";
        var labels = LabelSelector.Parse(query["labelSelector"].ToString());
        var fields = FieldSelector.Parse(query["fieldSelector"].ToString());
        var propagation = NullIfEmpty(query["propagationPolicy"].ToString());
        var writer = WriteContext.From(query["fieldManager"].ToString(), http.Headers.UserAgent.ToString(),
            apply: (http.ContentType ?? "").StartsWith("application/apply-patch", StringComparison.OrdinalIgnoreCase));
        var accept = http.Headers.Accept.ToString();

        switch (request.Verb)
        {
            case "get":
                await WriteAsync(context, 200, PartialObjectMetadataView.Apply(accept, operations.Get(type, request.Namespace, name), isList: false), token).ConfigureAwait(false);
                break;
            case "list":
                var limit = int.TryParse(query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : (int?)null;
                var list = operations.List(type, request.Namespace, labels, fields, limit, NullIfEmpty(query["continue"].ToString()));
                await WriteAsync(context, 200, PartialObjectMetadataView.Apply(accept, list, isList: true), token).ConfigureAwait(false);
                break;
            case "watch":
                var timeout = int.TryParse(query["timeoutSeconds"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : (int?)null;
                var bookmarks = query["allowWatchBookmarks"].ToString() is "true" or "1";
                var watchQuery = new WatchStreamer.WatchQuery(
                    type, request.Namespace, labels, fields, NullIfEmpty(query["resourceVersion"].ToString()), bookmarks, timeout)
                {
                    MetadataOnly = PartialObjectMetadataView.Requested(accept, isList: false) is not null,
                };
                await watches.RunAsync(context, watchQuery, token).ConfigureAwait(false);
                break;
            case "create":
                var created = operations.Create(type, request.Namespace, await ReadObjectAsync(http, token).ConfigureAwait(false), writer);
                await WriteAsync(context, 201, created, token).ConfigureAwait(false);
                break;
            case "update":
                var updated = operations.Update(type, request.Namespace, name, await ReadObjectAsync(http, token).ConfigureAwait(false), request.Subresource, writer);
                await WriteAsync(context, 200, updated, token).ConfigureAwait(false);
                break;
            case "patch":
                var patch = JsonNode.Parse(await ReadBodyAsync(http, token).ConfigureAwait(false))
                    ?? throw ApiException.BadRequest("empty patch");
                var patched = operations.Patch(type, request.Namespace, name, http.ContentType ?? "", patch, request.Subresource, writer);
                await WriteAsync(context, 200, patched, token).ConfigureAwait(false);
                break;
            case "delete":
                var options = await ReadOptionalObjectAsync(http, token).ConfigureAwait(false);
                var deleted = operations.Delete(type, request.Namespace, name, options, propagation);
                await WriteAsync(context, 200, deleted, token).ConfigureAwait(false);
                break;
            case "deletecollection":
                var removed = operations.DeleteCollection(type, request.Namespace, labels, fields, propagation);
                await WriteAsync(context, 200, removed, token).ConfigureAwait(false);
                break;
            default:
                throw ApiException.MethodNotAllowed($"verb {request.Verb} is not supported");
        }
    }

    private JsonObject? Discovery(string path)
    {
        var trimmed = path.TrimEnd('/');
        var segments = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["version"] => DiscoveryDocuments.Version(),
            ["api"] => DiscoveryDocuments.CoreVersions(serverAddress()),
            ["api", var version] => DiscoveryDocuments.ResourceList(registry, "", version) ?? NotFoundDocument(path),
            ["apis"] => DiscoveryDocuments.GroupList(registry),
            ["apis", var group] => DiscoveryDocuments.GroupDocument(registry, group) ?? NotFoundDocument(path),
            ["apis", var group, var version] => DiscoveryDocuments.ResourceList(registry, group, version) ?? NotFoundDocument(path),
            ["openapi", "v3"] => OpenApiDocuments.Index(registry),
            ["openapi", "v3", "api", var version] => OpenApiDocuments.GroupVersion(registry, "", version) ?? NotFoundDocument(path),
            ["openapi", "v3", "apis", var group, var version] => OpenApiDocuments.GroupVersion(registry, group, version) ?? NotFoundDocument(path),
            _ => null,
        };
    }

    private static JsonObject NotFoundDocument(string path) => throw ApiException.NotFoundResource(path);

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken token) =>
        await ReadOptionalObjectAsync(request, token).ConfigureAwait(false)
            ?? throw ApiException.BadRequest("the request body must be a JSON object");

    private static async Task<JsonObject?> ReadOptionalObjectAsync(HttpRequest request, CancellationToken token)
    {
        var text = await ReadBodyAsync(request, token).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return JsonNode.Parse(text) as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
    }

    /// <summary>
    /// The request body as text, refused beyond kube-apiserver's 3 MiB limit the way it refuses it, so a test
    /// cannot pass here with an object a real cluster would never store.
    /// </summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > ApiException.MaxRequestBodyBytes)
            {
                throw ApiException.RequestEntityTooLarge();
            }
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body, CancellationToken token)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), token).ConfigureAwait(false);
    }
}

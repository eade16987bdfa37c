using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// Serves <c>?watch=true</c>: newline-delimited JSON watch events over a chunked response, with the
/// real server's resourceVersion semantics, selector filtering, bookmarks and timeoutSeconds.
/// </summary>
internal sealed class WatchStreamer(ObjectStore store, TimeSpan bookmarkInterval)
{
    /// <summary>What one watch request asked for.</summary>
    public sealed record WatchQuery(
        ResourceType Type,
        string? Namespace,
        LabelSelector Labels,
        FieldSelector Fields,
        string? ResourceVersion,
        bool AllowBookmarks,
        int? TimeoutSeconds)
    {
        /// <summary>Each event's object as PartialObjectMetadata (see <see cref="PartialObjectMetadataView"/>).</summary>
        public bool MetadataOnly { get; init; }
    }

    public async Task RunAsync(HttpContext context, WatchQuery query, CancellationToken cancellationToken)
    {
        var response = context.Response;
        WatchSubscription subscription;
        var initial = new List<StoreEvent>();
        long lastSeen;
        try
        {
            (subscription, lastSeen) = Open(query, initial);
        }
        catch (ApiException expired) when (expired.Code == 410)
        {
            // The real server answers 200 and reports the expiry as the stream's only event.
            response.StatusCode = 200;
            response.ContentType = "application/json";
            await WriteLineAsync(response, "ERROR", expired.ToStatus(), cancellationToken).ConfigureAwait(false);
            return;
        }

        using (subscription)
        {
            using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (query.TimeoutSeconds is > 0 and var seconds)
            {
                lifetime.CancelAfter(TimeSpan.FromSeconds(seconds));
            }
            var token = lifetime.Token;
            try
            {
                response.StatusCode = 200;
                response.ContentType = "application/json";
                await response.StartAsync(token).ConfigureAwait(false);
                foreach (var storeEvent in initial)
                {
                    await WriteIfVisibleAsync(response, query, storeEvent, token).ConfigureAwait(false);
                }
                await response.Body.FlushAsync(token).ConfigureAwait(false);
                await PumpAsync(response, query, subscription, lastSeen, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // timeoutSeconds elapsed or the client went away: end the stream like the real server.
            }
        }
    }

    private (WatchSubscription Subscription, long LastSeen) Open(WatchQuery query, List<StoreEvent> initial)
    {
        lock (store.Gate)
        {
            if (string.IsNullOrEmpty(query.ResourceVersion) || query.ResourceVersion == "0")
            {
                // "Start at most recent": synthetic ADDED for the current state, then live events.
                var ns = query.Type.Namespaced ? query.Namespace : null;
                foreach (var (key, obj) in store.Query(query.Type.Group, query.Type.Plural, ns))
                {
                    var rv = long.Parse(ObjectMeta.Get(obj, "resourceVersion") ?? "0", CultureInfo.InvariantCulture);
                    initial.Add(new StoreEvent(rv, "ADDED", key, obj, null));
                }
                return (store.Hub.Subscribe(query.Type.Group, query.Type.Plural, null), store.CurrentResourceVersion);
            }
            if (!long.TryParse(query.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
            {
                throw ApiException.BadRequest($"invalid resource version: {query.ResourceVersion}");
            }
            return (store.Hub.Subscribe(query.Type.Group, query.Type.Plural, from), from);
        }
    }

    private async Task PumpAsync(HttpResponse response, WatchQuery query, WatchSubscription subscription, long lastSeen, CancellationToken token)
    {
        var reader = subscription.Channel.Reader;
        while (true)
        {
            bool more;
            if (query.AllowBookmarks)
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(token);
                tick.CancelAfter(bookmarkInterval);
                try
                {
                    more = await reader.WaitToReadAsync(tick.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    var bookmark = new JsonObject
                    {
                        ["kind"] = query.Type.Kind,
                        ["apiVersion"] = query.Type.ApiVersion,
                        ["metadata"] = new JsonObject { ["resourceVersion"] = lastSeen.ToString(CultureInfo.InvariantCulture) },
                    };
                    await WriteLineAsync(response, "BOOKMARK", bookmark, token).ConfigureAwait(false);
                    continue;
                }
            }
            else
            {
                more = await reader.WaitToReadAsync(token).ConfigureAwait(false);
            }
            if (!more)
            {
                return; // dropped by fault injection or server shutdown
            }
            while (reader.TryRead(out var storeEvent))
            {
                lastSeen = Math.Max(lastSeen, storeEvent.ResourceVersion);
                await WriteIfVisibleAsync(response, query, storeEvent, token).ConfigureAwait(false);
            }
            await response.Body.FlushAsync(token).ConfigureAwait(false);
        }
    }

    private static async Task WriteIfVisibleAsync(HttpResponse response, WatchQuery query, StoreEvent storeEvent, CancellationToken token)
    {
        if (query.Type.Namespaced && query.Namespace is not null && storeEvent.Key.Namespace != query.Namespace)
        {
            return;
        }
        var type = VisibleType(query, storeEvent);
        if (type is null)
        {
            return;
        }
        var obj = (JsonObject)storeEvent.Object.DeepClone();
        obj["apiVersion"] = query.Type.ApiVersion;
        await WriteLineAsync(response, type, query.MetadataOnly ? PartialObjectMetadataView.Of(obj) : obj, token).ConfigureAwait(false);
    }

    // With selectors, an object that starts or stops matching appears as ADDED or DELETED, as on a real server.
    internal static string? VisibleType(WatchQuery query, StoreEvent storeEvent)
    {
        bool Matches(JsonObject? o) => o is not null && query.Labels.Matches(ObjectMeta.Labels(o)) && query.Fields.Matches(o);
        var now = Matches(storeEvent.Object);
        if (storeEvent.Type != "MODIFIED")
        {
            return now ? storeEvent.Type : null;
        }
        var before = Matches(storeEvent.Previous);
        return (before, now) switch
        {
            (true, true) => "MODIFIED",
            (false, true) => "ADDED",
            (true, false) => "DELETED",
            _ => null,
        };
    }

    private static async Task WriteLineAsync(HttpResponse response, string type, JsonObject obj, CancellationToken token)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), token).ConfigureAwait(false);
        if (type is "BOOKMARK" or "ERROR")
        {
            await response.Body.FlushAsync(token).ConfigureAwait(false);
        }
    }
}

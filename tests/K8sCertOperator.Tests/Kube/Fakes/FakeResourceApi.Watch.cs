using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Tests.Kube.Fakes;

/// <summary>Watch side of the fake: open watches, failures, bookmarks and history compaction.</summary>
public sealed partial class FakeResourceApi<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>The next watch call(s) fail with these exceptions before yielding anything.</summary>
    public void FailNextWatches(params Exception[] failures)
    {
        lock (_gate)
        {
            foreach (var f in failures)
            {
                _watchFailures.Enqueue(f);
            }
        }
    }

    /// <summary>Closes every open watch normally (like a server-side timeout).</summary>
    public void EndAllWatches() => Broadcast(w => w.Channel.Writer.TryComplete());

    /// <summary>Forgets history: watches from any resourceVersion up to now get 410 Gone; open watches get it too.</summary>
    public void CompactAndExpireWatches()
    {
        lock (_gate)
        {
            _compactedThrough = _rv;
            _log.Clear();
        }

        Broadcast(w =>
        {
            w.Channel.Writer.TryWrite(new Item(default, null, Gone()));
            w.Channel.Writer.TryComplete();
        });
    }

    /// <summary>Sends a bookmark carrying the current resourceVersion to watches that asked for bookmarks.</summary>
    public void SendBookmark()
    {
        string rv;
        lock (_gate)
        {
            rv = (++_rv).ToString(CultureInfo.InvariantCulture);
        }

        var bookmark = Activator.CreateInstance<T>();
        bookmark.Metadata = new V1ObjectMeta { ResourceVersion = rv };
        Broadcast(w =>
        {
            if (w.AllowBookmarks)
            {
                w.Channel.Writer.TryWrite(new Item(WatchEventKind.Bookmark, bookmark, null));
            }
        });
    }

    public async IAsyncEnumerable<(WatchEventKind Type, T Object)> WatchAsync(
        string? @namespace, string? labelSelector, string? resourceVersion, bool allowBookmarks, TimeSpan? timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Watcher watcher;
        List<(WatchEventKind, T)> backlog;
        lock (_gate)
        {
            WatchResourceVersions.Add(resourceVersion);
            if (_watchFailures.TryDequeue(out var failure))
            {
                throw failure;
            }

            var from = long.Parse(resourceVersion ?? "0", CultureInfo.InvariantCulture);
            if (from < _compactedThrough)
            {
                throw Gone();
            }

            backlog = [.. _log.Where(e => e.Rv > from && Matches(e.Obj, @namespace, labelSelector)).Select(e => (e.Type, Clone(e.Obj)))];
            watcher = new Watcher(Channel.CreateUnbounded<Item>(), @namespace, labelSelector, allowBookmarks);
            _watchers.Add(watcher);
        }

        try
        {
            foreach (var e in backlog)
            {
                yield return e;
            }

            await foreach (var item in watcher.Channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (item.Error is not null)
                {
                    throw item.Error;
                }

                yield return (item.Type, item.Obj!);
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(watcher);
            }
        }
    }

    private void Broadcast(Action<Watcher> action)
    {
        List<Watcher> watchers;
        lock (_gate)
        {
            watchers = [.. _watchers];
        }

        foreach (var w in watchers)
        {
            action(w);
        }
    }

    private sealed record Item(WatchEventKind Type, T? Obj, Exception? Error);

    private sealed record Watcher(Channel<Item> Channel, string? Namespace, string? LabelSelector, bool AllowBookmarks);
}

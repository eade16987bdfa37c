using System.Runtime.CompilerServices;
using k8s;
using k8s.Autorest;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// Adapts KubernetesClient's watch enumerator: errors it reports through a callback (including
/// Status events such as 410 Gone) are rethrown as <see cref="KubeApiException"/> so callers see them in-line.
/// </summary>
internal static class WatchStream
{
    public static async IAsyncEnumerable<(WatchEventType Type, T Object)> ReadAsync<T, TList>(
        Func<Task<HttpOperationResponse<TList>>> start,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? streamError = null;
        // The suggested replacements (WatchList*Async) yield untyped objects for custom resources; this
        // generic form deserializes straight into T for built-in and custom types alike.
#pragma warning disable CS0618
        var events = start().WatchAsync<T, TList>(e => streamError ??= e, cancellationToken);
#pragma warning restore CS0618
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            for (; ; )
            {
                bool hasNext;
                try
                {
                    hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException && KubeApiErrors.Translate(e) is not null)
                {
                    throw KubeApiErrors.Translate(e)!;
                }

                if (streamError is not null)
                {
                    throw KubeApiErrors.Translate(streamError)
                        ?? new KubeApiException(KubeApiErrorKind.Other, null, "watch stream failed: " + streamError.Message, streamError);
                }

                if (!hasNext)
                {
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}

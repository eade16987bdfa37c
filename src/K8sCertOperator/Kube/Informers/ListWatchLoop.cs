using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.Informers;

/// <summary>
/// The reconnect loop of every list/watch: list when needed, watch until the server ends the stream, relist on
/// 410 Gone, survive any other failure, and back off (capped, jittered) only after watches that failed quickly.
/// </summary>
internal static class ListWatchLoop
{
    // A watch that stayed open this long was healthy, even if it carried no events.
    private static readonly TimeSpan HealthyWatchDuration = TimeSpan.FromSeconds(10);

    /// <param name="resource">Name for logs.</param>
    /// <param name="listAsync">(Re)lists; runs first and after every 410 Gone.</param>
    /// <param name="watchAsync">Runs one watch to its end, calling the given action for each event it receives.</param>
    /// <param name="position">The resourceVersion to mention in logs.</param>
    public static async Task RunAsync(
        string resource,
        Func<CancellationToken, Task> listAsync,
        Func<Action, CancellationToken, Task> watchAsync,
        Func<string?> position,
        ExponentialBackoff backoff,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var failures = 0;
        var needList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            var sawEvent = false;
            try
            {
                if (needList)
                {
                    await listAsync(cancellationToken).ConfigureAwait(false);
                    needList = false;
                }

                await watchAsync(() => sawEvent = true, cancellationToken).ConfigureAwait(false);
                logger.LogDebug("Watch of {Resource} closed at resourceVersion {ResourceVersion}; resuming", resource, position());
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.Gone)
            {
                logger.LogInformation("Watch of {Resource} expired (410 Gone) at resourceVersion {ResourceVersion}; relisting", resource, position());
                needList = true;
            }
#pragma warning disable CA1031 // the loop must survive any transport or server failure
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "List/watch of {Resource} failed", resource);
            }

            if (sawEvent || time.GetElapsedTime(started) >= HealthyWatchDuration)
            {
                failures = 0;
                continue;
            }

            failures++;
            try
            {
                await Task.Delay(backoff.Delay(failures, Random.Shared.NextDouble()), time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
    }
}

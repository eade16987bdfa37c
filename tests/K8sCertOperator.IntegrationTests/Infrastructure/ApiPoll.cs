namespace K8sCertOperator.IntegrationTests.Infrastructure;

/// <summary>
/// The one wait loop of the integration tests: read (the API, not an operator's cache) until a condition holds or
/// the time is up, then fail with what was last seen, so a timeout says where things stood.
/// </summary>
public static class ApiPoll
{
    /// <summary>Polls <paramref name="read"/> every <paramref name="interval"/> until <paramref name="done"/> holds.</summary>
    /// <param name="onTimeout">Runs before the TimeoutException, e.g. to print a fixture's output.</param>
    public static async Task<T> UntilAsync<T>(
        Func<CancellationToken, Task<T?>> read, Func<T, bool> done, TimeSpan timeout, TimeSpan interval, string what,
        CancellationToken ct, Action? onTimeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        T? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await read(ct);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(interval, ct);
        }

        onTimeout?.Invoke();
        throw new TimeoutException($"{what} not reached within {timeout}; last seen: {(last is null ? "nothing" : k8s.KubernetesJson.Serialize(last))}");
    }

    /// <summary>
    /// Polls <paramref name="read"/> every <paramref name="interval"/> until <paramref name="done"/> holds, for as long
    /// as <paramref name="ct"/> allows (the test's own deadline); when it runs out, the TimeoutException says what was
    /// last seen, as <paramref name="describe"/> puts it.
    /// </summary>
    public static async Task<T> UntilCancelledAsync<T>(
        Func<CancellationToken, Task<T?>> read, Func<T, bool> done, TimeSpan interval, string what, Func<T?, string> describe,
        CancellationToken ct)
        where T : class
    {
        T? last = null;
        try
        {
            while (true)
            {
                last = await read(ct);
                if (last is not null && done(last))
                {
                    return last;
                }

                await Task.Delay(interval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} did not happen; last seen: {describe(last)}");
        }
    }
}

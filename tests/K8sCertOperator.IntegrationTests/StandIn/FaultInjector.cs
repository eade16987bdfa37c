namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// Test hooks that make the stand-in misbehave the way a real API server under stress does:
/// failed requests, dropped watches, compacted history.
/// </summary>
public sealed class FaultInjector
{
    private readonly List<PendingFault> _pending = [];
    private readonly Lock _gate = new();
    private readonly WatchHub _hub;

    internal FaultInjector(WatchHub hub) => _hub = hub;

    /// <summary>
    /// The next <paramref name="count"/> requests matching <paramref name="predicate"/> (all when null)
    /// are answered with <paramref name="statusCode"/> (e.g. 500, 409, 429) and a matching Status body.
    /// Faults queue in order; the first one whose predicate matches is used.
    /// </summary>
    public void FailNext(int count, int statusCode, Func<ApiRequest, bool>? predicate = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _pending.Add(new PendingFault(statusCode, predicate ?? (_ => true), count));
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> requests matching <paramref name="predicate"/> are refused with
    /// <paramref name="refusal"/> as it is, e.g. the Status of an admission webhook's or policy's denial.
    /// </summary>
    public void RefuseNext(int count, ApiException refusal, Func<ApiRequest, bool> predicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            _pending.Add(new PendingFault(refusal.Code, predicate, count) { Refusal = refusal });
        }
    }

    /// <summary>Ends every open watch stream now; returns how many were open.</summary>
    public int DropWatches() => _hub.DropAll();

    /// <summary>Forgets the watch history, so resuming from any older resourceVersion gets 410 Expired.</summary>
    public void CompactHistory() => _hub.Compact();

    /// <summary>Removes every pending fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>Faults still waiting to fire.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>The status code to fail this request with, consuming one use of the fault; null to serve it.</summary>
    internal ApiException? Take(ApiRequest request)
    {
        lock (_gate)
        {
            var fault = _pending.FirstOrDefault(f => f.Predicate(request));
            if (fault is null)
            {
                return null;
            }
            fault.Remaining--;
            if (fault.Remaining == 0)
            {
                _pending.Remove(fault);
            }
            return fault.Refusal ?? fault.StatusCode switch
            {
                409 => new ApiException(409, "Conflict", $"injected conflict on {request.Path}", request.Name),
                429 => new ApiException(429, "TooManyRequests", "injected: too many requests, please try again later"),
                410 => ApiException.Gone($"injected gone on {request.Path}"),
                404 => ApiException.NotFoundResource(request.Path),
                503 => new ApiException(503, "ServiceUnavailable", "injected: service unavailable"),
                var code => new ApiException(code, "InternalError", $"Internal error occurred: injected fault {code} on {request.Verb} {request.Path}"),
            };
        }
    }

    private sealed class PendingFault(int statusCode, Func<ApiRequest, bool> predicate, int remaining)
    {
        public int StatusCode { get; } = statusCode;

        public Func<ApiRequest, bool> Predicate { get; } = predicate;

        public int Remaining { get; set; } = remaining;

        /// <summary>A caller-built answer (see <see cref="RefuseNext"/>), used as is.</summary>
        public ApiException? Refusal { get; init; }
    }
}

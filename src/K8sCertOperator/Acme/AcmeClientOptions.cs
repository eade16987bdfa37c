using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Acme;

/// <summary>Tuning of <see cref="AcmeClient"/>; defaults suit production CAs and Pebble alike.</summary>
public sealed record AcmeClientOptions
{
    public AcmeHttpOptions Http { get; init; } = new();

    /// <summary>Delays between polls of orders and authorizations when the server sends no Retry-After.</summary>
    public BackoffPolicy Polling { get; init; } = BackoffPolicy.Polling;

    /// <summary>Upper bound on a server-requested poll delay, so one Retry-After cannot stall a poll loop.</summary>
    public TimeSpan MaxPollRetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}

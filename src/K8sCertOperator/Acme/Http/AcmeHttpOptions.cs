namespace K8sCertOperator.Acme.Http;

/// <summary>Retry limits, timeouts and the request observer of the ACME HTTP layer.</summary>
public sealed record AcmeHttpOptions
{
    /// <summary>How often a request rejected with badNonce is re-sent with a fresh nonce.</summary>
    public int MaxBadNonceRetries { get; init; } = 5;

    /// <summary>How often a 5xx, timeout or network error is retried.</summary>
    public int MaxTransientRetries { get; init; } = 3;

    public BackoffPolicy TransientBackoff { get; init; } = BackoffPolicy.Transient;

    /// <summary>
    /// The longest Retry-After (429/503) waited out in-line; longer waits surface as an
    /// <see cref="AcmeProtocolException"/> with RetryAfter so the caller can requeue instead of blocking.
    /// </summary>
    public TimeSpan MaxInlineRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest response body read (after decompression); a bigger one is an <see cref="AcmeProtocolException"/>.
    /// ACME JSON objects are a few KiB; an order with 100 names and their authorization URLs stays far below.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Largest certificate chain download; chains with cross-signs are a few certificates of a few KiB each.</summary>
    public long MaxCertificateResponseBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Timeout of a single HTTP exchange, body included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; init; } = "k8s-cert-operator-acme/1.0";

    /// <summary>Source of time, for Retry-After dates.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Told about every attempt (action, method, status, duration); the operator exports them as metrics.</summary>
    public IAcmeRequestObserver RequestObserver { get; init; } = NullAcmeRequestObserver.Instance;
}

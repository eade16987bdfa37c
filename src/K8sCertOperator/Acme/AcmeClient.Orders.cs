using System.Globalization;
using System.Text.Json;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Acme.Resources;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Acme;

/// <summary>Orders, authorizations, challenges and polling.</summary>
public sealed partial class AcmeClient
{
    public async Task<AcmeOrder> NewOrderAsync(IReadOnlyList<AcmeIdentifier> identifiers, DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null, string? replaces = null, string? profile = null, CancellationToken cancellationToken = default)
    {
        if (identifiers.Count == 0)
        {
            throw new ArgumentException("an order needs at least one identifier", nameof(identifiers));
        }
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var url = Require(directory.NewOrder, "newOrder");
        // Servers without ARI or profiles may reject unknown fields, so only send what they advertise.
        var sendReplaces = replaces is not null && directory.RenewalInfo is not null;
        var sendProfile = profile is not null && directory.HasProfile(profile);
        if (profile is not null && !sendProfile)
        {
            _logger.LogWarning("ACME server does not list profile {Profile}; ordering without it", profile);
        }
        var request = new NewOrderRequest
        {
            Identifiers = identifiers,
            NotBefore = notBefore?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            NotAfter = notAfter?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Replaces = sendReplaces ? replaces : null,
            Profile = sendProfile ? profile : null,
        };
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, AcmeJsonContext.Default.NewOrderRequest);
        var response = await PostAsync(AcmeAction.NewOrder, url, payload, useKeyId: true, accept: null, cancellationToken).ConfigureAwait(false);
        var order = Deserialize(response, AcmeJsonContext.Default.AcmeOrder) with { Location = response.Location, RetryAfter = response.RetryAfter };
        _logger.LogInformation("ACME order {OrderUrl} for {Identifiers} is {Status}", order.Location,
            string.Join(",", identifiers.Select(i => i.Value)), order.Status);
        return order;
    }

    public async Task<AcmeOrder> GetOrderAsync(Uri orderUrl, CancellationToken cancellationToken)
    {
        var response = await PostAsGetAsync(AcmeAction.GetOrder, orderUrl, null, cancellationToken).ConfigureAwait(false);
        return Deserialize(response, AcmeJsonContext.Default.AcmeOrder) with { Location = orderUrl, RetryAfter = response.RetryAfter };
    }

    public async Task<AcmeAuthorization> GetAuthorizationAsync(Uri authorizationUrl, CancellationToken cancellationToken)
    {
        var response = await PostAsGetAsync(AcmeAction.GetAuthorization, authorizationUrl, null, cancellationToken).ConfigureAwait(false);
        return Deserialize(response, AcmeJsonContext.Default.AcmeAuthorization) with { Location = authorizationUrl, RetryAfter = response.RetryAfter };
    }

    public async Task<AcmeChallenge> AnswerChallengeAsync(Uri challengeUrl, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new EmptyObject(), AcmeJsonContext.Default.EmptyObject);
        var response = await PostAsync(AcmeAction.Challenge, challengeUrl, payload, useKeyId: true, accept: null, cancellationToken).ConfigureAwait(false);
        return Deserialize(response, AcmeJsonContext.Default.AcmeChallenge);
    }

    public async Task<AcmeAuthorization> WaitForAuthorizationAsync(Uri authorizationUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var authorization = await PollAsync(
            ct => GetAuthorizationAsync(authorizationUrl, ct),
            a => a.Status == AcmeStatus.Pending,
            a => a.RetryAfter,
            a => $"authorization {authorizationUrl} still {a.Status}",
            timeout, cancellationToken).ConfigureAwait(false);
        if (authorization.Status != AcmeStatus.Valid)
        {
            var failed = authorization.Challenges.FirstOrDefault(c => c.Status == AcmeStatus.Invalid)
                ?? authorization.Challenges.FirstOrDefault(c => c.Error is not null);
            throw new AcmeAuthorizationFailedException(authorization, failed);
        }
        return authorization;
    }

    public async Task<AcmeOrder> WaitForOrderAsync(Uri orderUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var order = await PollAsync(
            ct => GetOrderAsync(orderUrl, ct),
            o => o.Status is AcmeStatus.Pending or AcmeStatus.Processing,
            o => o.RetryAfter,
            o => $"order {orderUrl} still {o.Status}",
            timeout, cancellationToken).ConfigureAwait(false);
        if (order.Status is not (AcmeStatus.Ready or AcmeStatus.Valid))
        {
            throw new AcmeOrderFailedException(order);
        }
        return order;
    }

    public async Task<AcmeOrder> FinalizeAsync(AcmeOrder order, byte[] csrDer, CancellationToken cancellationToken)
    {
        var url = _origin.Require(order.Finalize ?? throw new ArgumentException("the order has no finalize URL", nameof(order)), "finalize");
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new FinalizeRequest(System.Buffers.Text.Base64Url.EncodeToString(csrDer)), AcmeJsonContext.Default.FinalizeRequest);
        var response = await PostAsync(AcmeAction.Finalize, url, payload, useKeyId: true, accept: null, cancellationToken).ConfigureAwait(false);
        return Deserialize(response, AcmeJsonContext.Default.AcmeOrder) with
        {
            Location = response.Location ?? order.Location,
            RetryAfter = response.RetryAfter,
        };
    }

    /// <summary>
    /// Fetches until <paramref name="keepWaiting"/> is false. Starts fast and backs off per
    /// <see cref="AcmeClientOptions.Polling"/>, or waits what the server's Retry-After asks (capped).
    /// </summary>
    private async Task<T> PollAsync<T>(Func<CancellationToken, Task<T>> fetch, Func<T, bool> keepWaiting,
        Func<T, TimeSpan?> retryAfter, Func<T, string> describe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var attempt = 0;
        var current = default(T);
        try
        {
            while (true)
            {
                current = await fetch(deadline.Token).ConfigureAwait(false);
                if (!keepWaiting(current))
                {
                    return current;
                }
                attempt++;
                var delay = retryAfter(current) is { } requested
                    ? TimeSpan.FromTicks(Math.Min(requested.Ticks, _options.MaxPollRetryAfter.Ticks))
                    : _options.Polling.Delay(attempt, Random.Shared.NextDouble());
                await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var last = current is null ? "no response yet" : describe(current);
            throw new TimeoutException($"gave up after {timeout}: {last}");
        }
    }
}

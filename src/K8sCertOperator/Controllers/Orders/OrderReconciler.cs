using K8sCertOperator.Api;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Reconcile;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Drives one Order through create → challenges → finalize → download, one step per reconcile, with all
/// progress in the Order status so a restarted operator resumes the same ACME order.
/// </summary>
public sealed class OrderReconciler : IReconciler
{
    /// <summary>How long to wait for an issuer account that is not ready yet.</summary>
    public static readonly TimeSpan NotReadyRetry = TimeSpan.FromSeconds(5);

    /// <summary>Safety poll while Challenges work (their status changes enqueue the Order anyway).</summary>
    public static readonly TimeSpan PendingResync = TimeSpan.FromSeconds(15);


    private readonly OperatorContext _context;
    private readonly OrderEvents _events;
    private readonly PollAttempts _polls = new();
    private readonly Kube.Informers.OwnWriteTracker<Order> _created;
    private readonly AcmeOutageHandler _outage;
    private readonly ILogger _logger;

    public OrderReconciler(OperatorContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _events = new OrderEvents(context);
        _logger = context.LoggerFactory.CreateLogger<OrderReconciler>();
        _outage = new AcmeOutageHandler(context, _events, _logger);
        _created = new Kube.Informers.OwnWriteTracker<Order>(context.Informers.Orders, context.Time);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var order = _context.Informers.Orders.Get(key);
        if (order is null || order.Metadata.DeletionTimestamp is not null)
        {
            _polls.Reset(key);
            _outage.Forget(key);
            // A deleted Order that was waiting for its account's order rate limit lets the next waiter move up.
            _context.OrderRateLimiter.Release(key.ToString());
            return ReconcileResult.Success();
        }

        var step = OrderStepPlanner.ForLocalStatus(order.Status);
        if (_created.IsBehind(key))
        {
            // We opened this ACME order moments ago but the cache has not caught up with the status that says so:
            // acting on the older copy would open another (a wasted CA order and rate-limit token).
            return ReconcileResult.Success(Kube.Informers.OwnWriteTracker<Order>.Recheck);
        }

        if (step == OrderStep.CleanUpChallenges)
        {
            _polls.Reset(key);
            await DeleteChallengesAsync(order, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Success();
        }

        var lookup = await _context.AcmeAccounts.GetAsync(order.Spec.IssuerRef, key.Namespace ?? "", cancellationToken).ConfigureAwait(false);
        if (!lookup.IsReady)
        {
            _logger.LogDebug("Issuer of {Namespace}/{Name} not ready: {Reason}", key.Namespace, key.Name, lookup.NotReadyReason);
            return ReconcileResult.Success(NotReadyRetry);
        }

        ReconcileResult result;
        Policies.AcmeServerFailure? outage = null;
        try
        {
            result = step == OrderStep.CreateOrder
                ? await CreateAsync(order, lookup, cancellationToken).ConfigureAwait(false)
                : await SyncAsync(key, order, lookup, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when ((outage = Policies.AcmeServerFailurePolicy.Classify(e, lookup.Client!.DirectoryUrl)) is not null)
        {
            // The server is down or overloaded: the Order stays as it is (failing it would start a new one after the
            // Certificate's issuance backoff) and is retried within seconds of the server coming back.
            return await _outage.OnFailureAsync(key, order, _context.Apis.Orders, outage, SetReason, cancellationToken).ConfigureAwait(false);
        }
        catch (AcmeProtocolException e) when (!e.IsTransient)
        {
            // The server refused the request (bad CSR, rejected identifier, unknown order): retrying the same
            // immutable Order cannot succeed, so it fails and the Certificate controller makes a new one.
            return await FailAsync(order, AcmeStates.Errored, "ACME server refused the order: " + e.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            return await FailAsync(order, AcmeStates.Errored, e.Message, cancellationToken).ConfigureAwait(false);
        }

        await _outage.OnSuccessAsync(key, order, _context.Apis.Orders, o => o.Status?.Reason, SetReason, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static void SetReason(Order order, string? reason)
    {
        order.Status ??= new OrderStatus();
        order.Status.Reason = reason;
    }

    private async Task<ReconcileResult> CreateAsync(Order order, AcmeAccountLookup lookup, CancellationToken ct)
    {
        var limiter = _context.OrderRateLimiter;
        if (limiter.Rate is { } rate && limiter.TryAcquire(AcmeOrderRateLimiter.AccountKey(lookup.Issuer!), ObjectKey.From(order).ToString()) is { } wait)
        {
            return await WaitForOrderSlotAsync(order, rate, wait, ct).ConfigureAwait(false);
        }

        var status = await OrderCreator.CreateAsync(lookup.Client!, order.Spec, _context.Time.GetUtcNow(), ct, order.Metadata.Annotations is { } a && a.TryGetValue(AnnotationKeys.AcmeReplaces, out var replaces) ? replaces : null).ConfigureAwait(false);
        // The status is written before anything else exists, so a crash right after still knows the order URL.
        var written = await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Orders, order, o => o.Status = Clone(status), ct).ConfigureAwait(false);
        _created.Record(written.Object);
        await _events.OnObjectAsync(order, EventTypes.Normal, "Created", $"Created ACME order {status.Url}", ct).ConfigureAwait(false);
        return written.Object is null ? ReconcileResult.Success() : ReconcileResult.Success(TimeSpan.Zero);
    }

    /// <summary>
    /// The account's bucket is empty: do not call the CA, mark the Order (once, so the Event is not repeated on
    /// every retry) and look again when this Order's own slot in the account's queue is due.
    /// </summary>
    private async Task<ReconcileResult> WaitForOrderSlotAsync(Order order, AcmeOrderRate rate, TimeSpan wait, CancellationToken ct)
    {
        if (!OrderRateLimits.IsWaiting(order.Status))
        {
            var message = OrderRateLimits.Message(rate);
            await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Orders, order, o => SetReason(o, message), ct).ConfigureAwait(false);
            await _events.OnObjectAndCertificateAsync(order, EventTypes.Normal, OrderRateLimits.Reason, message, ct).ConfigureAwait(false);
            _logger.LogInformation("Order {Namespace}/{Name} waits {Wait} for its ACME account's order rate limit ({Rate})",
                order.Metadata.NamespaceProperty, order.Metadata.Name, wait, rate);
        }
        return ReconcileResult.Success(wait);
    }

    private async Task<ReconcileResult> SyncAsync(ObjectKey key, Order order, AcmeAccountLookup lookup, CancellationToken ct)
    {
        var client = lookup.Client!;
        var server = await client.GetOrderAsync(new Uri(order.Status!.Url!), ct).ConfigureAwait(false);
        switch (OrderStepPlanner.ForServerStatus(server.Status))
        {
            case OrderStep.EnsureChallenges:
                _polls.Reset(key);
                return await EnsureChallengesAsync(order, lookup, ct).ConfigureAwait(false);
            case OrderStep.Finalize:
                var finalized = await client.FinalizeAsync(server, order.Spec.Request, ct).ConfigureAwait(false);
                await SetStateAsync(order, OrderStepPlanner.LocalState(finalized.Status), ct).ConfigureAwait(false);
                return ReconcileResult.Success(PollBackoff.Delay(_polls.Next(key), finalized.RetryAfter));
            case OrderStep.DownloadCertificate:
                _polls.Reset(key);
                return await DownloadAsync(order, server, lookup, ct).ConfigureAwait(false);
            case OrderStep.MarkFailed:
                _polls.Reset(key);
                var reason = await DescribeFailureAsync(client, server, ct).ConfigureAwait(false);
                return await FailAsync(order, OrderStepPlanner.LocalState(server.Status), reason, ct).ConfigureAwait(false);
            default:
                await SetStateAsync(order, OrderStepPlanner.LocalState(server.Status), ct).ConfigureAwait(false);
                return ReconcileResult.Success(PollBackoff.Delay(_polls.Next(key), server.RetryAfter));
        }
    }

    private async Task<ReconcileResult> EnsureChallengesAsync(Order order, AcmeAccountLookup lookup, CancellationToken ct)
    {
        var solvers = lookup.Issuer!.Spec.Acme?.Solvers ?? [];
        var labels = _events.FindCertificate(order)?.Metadata.Labels ?? order.Metadata.Labels;
        var plan = ChallengePlanner.Plan(order, solvers, labels?.AsReadOnly(), lookup.Client!.GetKeyAuthorization, lookup.Client!.AccountUrl?.ToString());
        if (!plan.IsPossible)
        {
            return await FailAsync(order, AcmeStates.Errored, plan.FailureReason!, ct).ConfigureAwait(false);
        }
        // Challenges of this Order named otherwise (cert-manager's, adopted with its Order) solve their authorization.
        var owned = OrderChallenges.Of(_context.Informers.Challenges, order).ToLookup(c => c.Spec.AuthorizationUrl, StringComparer.Ordinal);
        foreach (var challenge in plan.Challenges)
        {
            var existing = _context.Informers.Challenges.Get(ObjectKey.From(challenge)) ?? owned[challenge.Spec.AuthorizationUrl].FirstOrDefault();
            if (existing is not null)
            {
                if (AcmeStates.IsFailure(existing.Status?.State))
                {
                    // A locally failed Challenge (bad solver config, propagation timeout) leaves the CA order pending
                    // forever; fail the Order so the Certificate controller can retry with a new one.
                    var state = existing.Status!.State == AcmeStates.Errored ? AcmeStates.Errored : AcmeStates.Invalid;
                    return await FailAsync(order, state,
                        $"Challenge {existing.Metadata.Name} ({existing.Spec.Type} for {existing.Spec.DnsName}) failed: {existing.Status.Reason}", ct).ConfigureAwait(false);
                }
                continue;
            }
            try
            {
                await _context.Apis.Challenges.CreateAsync(challenge, ct).ConfigureAwait(false);
                _logger.LogInformation("Created Challenge {Namespace}/{Name} ({Type} for {DnsName})",
                    challenge.Metadata.NamespaceProperty, challenge.Metadata.Name, challenge.Spec.Type, challenge.Spec.DnsName);
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
            {
                // Created by an earlier reconcile the cache has not shown yet: the deterministic name prevents a duplicate.
            }
        }
        await SetStateAsync(order, AcmeStates.Pending, ct).ConfigureAwait(false);
        return ReconcileResult.Success(PendingResync);
    }

    private async Task<ReconcileResult> DownloadAsync(Order order, Acme.Resources.AcmeOrder server, AcmeAccountLookup lookup, CancellationToken ct)
    {
        if (server.Certificate is null)
        {
            return ReconcileResult.Failure("order is valid but has no certificate URL", PollBackoff.Max);
        }
        var chain = await lookup.Client!.DownloadCertificateAsync(server.Certificate, lookup.Issuer!.Spec.Acme?.PreferredChain, ct).ConfigureAwait(false);
        var pem = System.Text.Encoding.UTF8.GetBytes(chain.Pem);
        await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Orders, order, o =>
        {
            o.Status ??= new OrderStatus();
            o.Status.Certificate = pem;
            o.Status.State = AcmeStates.Valid;
            o.Status.Reason = null;
        }, ct).ConfigureAwait(false);
        await _events.OnObjectAsync(order, EventTypes.Normal, "Complete", "Order completed; certificate downloaded", ct).ConfigureAwait(false);
        await DeleteChallengesAsync(order, ct).ConfigureAwait(false);
        return ReconcileResult.Success();
    }

    /// <summary>The order's error, or else the first failed challenge's problem, so the reason says what the CA saw.</summary>
    private static async Task<string> DescribeFailureAsync(IAcmeClient client, Acme.Resources.AcmeOrder server, CancellationToken ct)
    {
        if (server.Error is not null)
        {
            return $"order is {server.Status}: {server.Error}";
        }
        foreach (var url in server.Authorizations)
        {
            var authz = await client.GetAuthorizationAsync(url, ct).ConfigureAwait(false);
            if (authz.Status != Acme.Resources.AcmeStatus.Valid && authz.Challenges.FirstOrDefault(c => c.Error is not null) is { } failed)
            {
                return $"order is {server.Status}: authorization for {authz.Identifier.Value} is {authz.Status}: {failed.Type}: {failed.Error}";
            }
        }
        return $"order is {server.Status}";
    }

    private async Task<ReconcileResult> FailAsync(Order order, string state, string reason, CancellationToken ct)
    {
        var now = _context.Time.GetUtcNow().UtcDateTime;
        await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Orders, order, o =>
        {
            o.Status ??= new OrderStatus();
            o.Status.State = state;
            o.Status.Reason = reason;
            o.Status.FailureTime ??= now;
        }, ct).ConfigureAwait(false);
        await _events.OnObjectAndCertificateAsync(order, EventTypes.Warning, "Failed", reason, ct).ConfigureAwait(false);
        await DeleteChallengesAsync(order, ct).ConfigureAwait(false);
        return ReconcileResult.Success();
    }

    private Task SetStateAsync(Order order, string state, CancellationToken ct) =>
        _context.StatusWriter.UpdateStatusAsync(_context.Apis.Orders, order, o =>
        {
            o.Status ??= new OrderStatus();
            o.Status.State = state;
        }, ct);

    /// <summary>Deletes the Order's Challenges once it is final, so Ingresses and TXT records go promptly.</summary>
    private async Task DeleteChallengesAsync(Order order, CancellationToken ct)
    {
        var mine = OrderChallenges.Of(_context.Informers.Challenges, order).Where(c => c.Metadata.DeletionTimestamp is null);
        foreach (var challenge in mine.ToList())
        {
            await _context.Apis.Challenges.DeleteAsync(challenge.Metadata.NamespaceProperty, challenge.Metadata.Name, ct).ConfigureAwait(false);
        }
    }

    private static OrderStatus Clone(OrderStatus status) => Kube.Client.KubeJson.Clone(new Order { Status = status }).Status!;
}

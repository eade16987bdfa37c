using System.Collections.Concurrent;
using System.Globalization;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Solvers.Dns01.Config;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Drives one Challenge: finalizer → present → check → accept → poll the authorization → clean up. Each reconcile
/// does one step and returns; waiting is done by requeueing.
/// </summary>
public sealed class ChallengeReconciler : IReconciler
{
    /// <summary>Failed clean-ups of a deleted Challenge before the finalizer is released anyway.</summary>
    public const int MaxCleanUpAttempts = 5;

    private readonly OperatorContext _context;
    private readonly OrderEvents _events;
    private readonly PresentationGate _gate;
    private readonly PollAttempts _polls = new();
    private readonly AcmeOutageHandler _outage;
    private readonly ConcurrentDictionary<ObjectKey, int> _cleanUpFailures = new();
    private readonly ChallengeSolverSet _solvers;
    private readonly ChallengePresenter _presenter;
    private readonly ILogger _logger;

    public ChallengeReconciler(OperatorContext context, ChallengeSolverSet solvers)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _solvers = solvers ?? throw new ArgumentNullException(nameof(solvers));
        _events = new OrderEvents(context);
        _gate = new PresentationGate(context.Informers.Challenges);
        _presenter = new ChallengePresenter(context, _events, _gate);
        _logger = context.LoggerFactory.CreateLogger<ChallengeReconciler>();
        _outage = new AcmeOutageHandler(context, _events, _logger);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var challenge = _context.Informers.Challenges.Get(key);
        if (challenge is null)
        {
            _polls.Reset(key);
            _outage.Forget(key);
            _cleanUpFailures.TryRemove(key, out _);
            return ReconcileResult.Success();
        }
        var ct = cancellationToken;
        var deleting = challenge.Metadata.DeletionTimestamp is not null;
        var step = ChallengeStepPlanner.Next(
            deleting,
            FinalizerHelper.Has(challenge, ChallengeAnnotations.Finalizer),
            challenge.Status,
            challenge.Metadata.Annotations?.ContainsKey(ChallengeAnnotations.PresentedAt) == true,
            !deleting && await ChallengeOrders.IsOrphanedAsync(_context, challenge, ct).ConfigureAwait(false));
        switch (step)
        {
            case ChallengeStep.DeleteOrphan:
                _logger.LogInformation("Deleting Challenge {Namespace}/{Name}: the Order it belongs to is gone", key.Namespace, key.Name);
                await _context.Apis.Challenges.DeleteAsync(key.Namespace, key.Name, ct).ConfigureAwait(false);
                return ReconcileResult.Success();
            case ChallengeStep.CleanUpAndRelease:
                return await ReleaseAsync(key, challenge, ct).ConfigureAwait(false);
            case ChallengeStep.AddFinalizer:
                await FinalizerHelper.AddAsync(_context.Apis.Challenges, challenge, ChallengeAnnotations.Finalizer, ct).ConfigureAwait(false);
                return ReconcileResult.Success();
            case ChallengeStep.CleanUp:
                await CleanUpFinalAsync(challenge, ct).ConfigureAwait(false);
                return ReconcileResult.Success();
            case ChallengeStep.None:
                return ReconcileResult.Success();
        }

        var solver = SolverFor(challenge);
        if (solver is null)
        {
            return await FailAsync(challenge, AcmeStates.Errored, $"unsupported challenge type '{challenge.Spec.Type}'", ct).ConfigureAwait(false);
        }
        ReconcileResult result;
        Policies.AcmeServerFailure? outage = null;
        try
        {
            result = step switch
            {
                ChallengeStep.Present => await _presenter.PresentAsync(challenge, solver, ct).ConfigureAwait(false),
                ChallengeStep.CheckAndAccept => await CheckAndAcceptAsync(key, challenge, solver, ct).ConfigureAwait(false),
                _ => await PollAsync(key, challenge, ct).ConfigureAwait(false),
            };
        }
        catch (Exception e) when (Uri.TryCreate(challenge.Spec.Url, UriKind.Absolute, out var server)
                                  && (outage = Policies.AcmeServerFailurePolicy.Classify(e, server)) is not null)
        {
            // Accepting or polling hit an outage of the ACME server: not a failed challenge, so keep it presented
            // and ask again soon.
            return await _outage.OnFailureAsync(key, challenge, _context.Apis.Challenges, outage, SetReason, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Dns01ConfigException or ArgumentException or KeyNotFoundException)
        {
            // Configuration the operator cannot fix by retrying (bad solver block, missing provider).
            return await FailAsync(challenge, AcmeStates.Errored, e.Message, ct).ConfigureAwait(false);
        }
        catch (PresentationRefusedException e)
        {
            // Admission (a namespace's host policy) or RBAC said no: the name gets no route, so no certificate.
            // Whatever was created before the refusal (the backend Service) goes now, not at deletion.
            await solver.CleanUpAsync(challenge, ct).ConfigureAwait(false);
            return await FailAsync(challenge, AcmeStates.Errored, e.Message, ct).ConfigureAwait(false);
        }
        catch (AcmeProtocolException e) when (!e.IsTransient)
        {
            return await FailAsync(challenge, AcmeStates.Errored, "ACME server refused the challenge: " + e.Message, ct).ConfigureAwait(false);
        }

        if (step != ChallengeStep.Present)
        {
            await _outage.OnSuccessAsync(key, challenge, _context.Apis.Challenges, c => c.Status?.Reason, SetReason, ct).ConfigureAwait(false);
        }

        return result;
    }

    private static void SetReason(Challenge challenge, string? reason)
    {
        challenge.Status ??= new ChallengeStatus();
        challenge.Status.Reason = reason;
    }

    private IChallengeSolver? SolverFor(Challenge challenge) => _solvers.For(challenge);

    private async Task<ReconcileResult> CheckAndAcceptAsync(ObjectKey key, Challenge challenge, IChallengeSolver solver, CancellationToken ct)
    {
        var check = await solver.CheckAsync(challenge, ct).ConfigureAwait(false);
        if (!check.IsReady)
        {
            // Waiting for a person to publish a record has no deadline: the Order ends it if the CA gives up.
            if (!check.WaitsForPerson && Waited(challenge) is { } w && w > _context.Options.Dns01PropagationTimeout)
            {
                return await FailAsync(challenge, AcmeStates.Errored, check.Message, ct).ConfigureAwait(false);
            }
            await SetReasonAsync(challenge, check.Message, ct).ConfigureAwait(false);
            return ReconcileResult.Success(PollBackoff.Delay(_polls.Next(key)));
        }
        _polls.Reset(key);
        var lookup = await _context.AcmeAccounts.GetAsync(challenge.Spec.IssuerRef, key.Namespace ?? "", ct).ConfigureAwait(false);
        if (!lookup.IsReady)
        {
            return ReconcileResult.Success(OrderReconciler.NotReadyRetry);
        }
        var answered = await lookup.Client!.AnswerChallengeAsync(new Uri(challenge.Spec.Url), ct).ConfigureAwait(false);
        var state = ChallengeStepPlanner.StateForAuthorization(answered.Status) ?? AcmeStates.Processing;
        await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Challenges, challenge, c =>
        {
            c.Status ??= new ChallengeStatus();
            c.Status.State = state;
            c.Status.Reason = null;
        }, ct).ConfigureAwait(false);
        return ReconcileResult.Success(PollBackoff.Delay(_polls.Next(key), answered.Error is null ? null : PollBackoff.First));
    }

    private async Task<ReconcileResult> PollAsync(ObjectKey key, Challenge challenge, CancellationToken ct)
    {
        var lookup = await _context.AcmeAccounts.GetAsync(challenge.Spec.IssuerRef, key.Namespace ?? "", ct).ConfigureAwait(false);
        if (!lookup.IsReady)
        {
            return ReconcileResult.Success(OrderReconciler.NotReadyRetry);
        }
        var authz = await lookup.Client!.GetAuthorizationAsync(new Uri(challenge.Spec.AuthorizationUrl), ct).ConfigureAwait(false);
        var state = ChallengeStepPlanner.StateForAuthorization(authz.Status);
        if (state is null)
        {
            return ReconcileResult.Success(PollBackoff.Delay(_polls.Next(key), authz.RetryAfter));
        }
        _polls.Reset(key);
        if (state == AcmeStates.Valid)
        {
            challenge = await WriteFinalAsync(challenge, state, null, ct).ConfigureAwait(false) ?? challenge;
            await _events.OnObjectAsync(challenge, EventTypes.Normal, "Validated",
                $"{challenge.Spec.Type} challenge for {ChallengePresenter.DisplayName(challenge)} validated", ct).ConfigureAwait(false);
            await CleanUpFinalAsync(challenge, ct).ConfigureAwait(false);
            return ReconcileResult.Success();
        }
        var mine = authz.Challenges.FirstOrDefault(c => c.Url?.ToString() == challenge.Spec.Url);
        var reason = mine?.Error?.ToString() ?? $"authorization is {authz.Status}";
        return await FailAsync(challenge, state, reason, ct).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> FailAsync(Challenge challenge, string state, string reason, CancellationToken ct)
    {
        challenge = await WriteFinalAsync(challenge, state, reason, ct).ConfigureAwait(false) ?? challenge;
        await _events.OnObjectAndCertificateAsync(challenge, EventTypes.Warning, "Failed", reason, ct).ConfigureAwait(false);
        await CleanUpFinalAsync(challenge, ct).ConfigureAwait(false);
        return ReconcileResult.Success();
    }

    private async Task<Challenge?> WriteFinalAsync(Challenge challenge, string state, string? reason, CancellationToken ct) =>
        (await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Challenges, challenge, c =>
        {
            c.Status ??= new ChallengeStatus();
            c.Status.State = state;
            c.Status.Reason = reason;
        }, ct).ConfigureAwait(false)).Object;

    /// <summary>Withdraws the presentation of a final Challenge and marks it no longer processing.</summary>
    private async Task CleanUpFinalAsync(Challenge challenge, CancellationToken ct)
    {
        if (challenge.Status?.Presented == true && SolverFor(challenge) is { } solver)
        {
            try
            {
                await solver.CleanUpAsync(challenge, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Dns01ConfigException or ArgumentException or KeyNotFoundException)
            {
                // Nothing could have been presented with a configuration that does not map.
                _logger.LogWarning("Clean-up of {Namespace}/{Name} skipped: {Reason}", challenge.Metadata.NamespaceProperty, challenge.Metadata.Name, e.Message);
            }
        }
        _gate.Leave(challenge);
        await _context.StatusWriter.UpdateStatusAsync(_context.Apis.Challenges, challenge, c =>
        {
            c.Status ??= new ChallengeStatus();
            c.Status.Presented = false;
            c.Status.Processing = false;
        }, ct).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> ReleaseAsync(ObjectKey key, Challenge challenge, CancellationToken ct)
    {
        if (SolverFor(challenge) is { } solver && challenge.Status?.Presented != false)
        {
            try
            {
                await solver.CleanUpAsync(challenge, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var failures = _cleanUpFailures.AddOrUpdate(key, 1, (_, n) => n + 1);
                if (failures < MaxCleanUpAttempts && e is not (Dns01ConfigException or ArgumentException or KeyNotFoundException))
                {
                    return ReconcileResult.Failure($"clean-up failed (attempt {failures}): {e.Message}");
                }
                // Deletion must not block forever on a DNS provider that is gone; say so and let go.
                await _events.OnObjectAsync(challenge, EventTypes.Warning, "CleanUpFailed",
                    $"Releasing the finalizer after {failures} failed clean-up attempts: {e.Message}", ct).ConfigureAwait(false);
            }
        }
        _gate.Leave(challenge);
        _cleanUpFailures.TryRemove(key, out _);
        _polls.Reset(key);
        await FinalizerHelper.RemoveAsync(_context.Apis.Challenges, challenge, ChallengeAnnotations.Finalizer, ct).ConfigureAwait(false);
        return ReconcileResult.Success();
    }

    private Task SetReasonAsync(Challenge challenge, string reason, CancellationToken ct) =>
        _context.StatusWriter.UpdateStatusAsync(_context.Apis.Challenges, challenge, c => SetReason(c, reason), ct);

    private TimeSpan? Waited(Challenge challenge) =>
        challenge.Metadata.Annotations?.TryGetValue(ChallengeAnnotations.PresentedAt, out var text) == true
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? _context.Time.GetUtcNow() - at
            : null;
}

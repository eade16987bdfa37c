using K8sCertOperator.Api;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Step 2: decides whether to issue. Reads the Secret, refuses to fight another Certificate over it or to overwrite a
/// Secret it does not own (<see cref="SecretAdoptionPolicy"/>), evaluates the
/// re-issue chain and sets Issuing=True (unless back-off says wait). Otherwise schedules the renewal check.
/// </summary>
public sealed class TriggerStep : ICertificateStep
{
    private static readonly TimeSpan NotOwnedRecheck = TimeSpan.FromMinutes(5);

    private readonly CertificateOperations _ops;
    private readonly AriWindowCache? _ari;

    public TriggerStep(CertificateOperations ops, AriWindowCache? ari = null)
    {
        _ops = ops ?? throw new ArgumentNullException(nameof(ops));
        _ari = ari;
    }

    public string Name => "trigger";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Secret = await _ops.GetSecretAsync(state.Namespace, state.Spec.SecretName, cancellationToken).ConfigureAwait(false);
        var rivals = _ops.Context.Informers.Certificates.ByIndex(CertificateIndexes.BySecretName, CertificateIndexes.SecretKey(state.Namespace, state.Spec.SecretName));
        var secretAnnotations = state.Secret?.Metadata?.Annotations is { } a ? new Dictionary<string, string>(a) : null;
        if (SecretConflictDetector.Detect(state.Certificate, secretAnnotations, rivals) is { } conflict)
        {
            await _ops.HaltAsync(state, CertificateReasons.SecretConflict, conflict, cancellationToken).ConfigureAwait(false);
            return StepResult.Done();
        }

        if (SecretAdoptionPolicy.Decide(state.Secret) is { MayWrite: false, Message: { } notOwned })
        {
            // Only managed Secrets are watched: look again later in case the user deleted or emptied it.
            await _ops.HaltAsync(state, CertificateReasons.SecretNotOwned, notOwned, cancellationToken).ConfigureAwait(false);
            return StepResult.Done(NotOwnedRecheck);
        }

        if (!state.IsIssuing)
        {
            // Only the ACME/external re-issue check reads it, and finding it parses and verifies a CSR.
            state.LastRequest = state.IssuerType is IssuerType.Acme or IssuerType.External ? LastRequestOf(state) : null;
            var input = state.Input();
            var decision = ReissuePolicyChain.Default.Evaluate(input);
            if (decision is null)
            {
                var leaf = input.Material.Certificate;
                var disabled = RenewalWindowPolicy.IsDisabled(state.Certificate.Spec.Renewal);
                var renewal = leaf is null || disabled ? (DateTimeOffset?)null : CertificatePolicies.RenewalTime(state.Certificate, leaf, state.RenewalJitter);
                var ari = _ari is null || leaf is null || disabled ? null : await _ari.GetAsync(state, cancellationToken).ConfigureAwait(false);
                var schedule = RenewalScheduler.Schedule(renewal, leaf?.NotAfter, state.Now, state.Certificate.Metadata.Uid, ari);
                decision = AriDecision(ari, schedule, state.Now);
                if (decision is null)
                {
                    return StepResult.Done(schedule.RequeueAfter);
                }
            }

            var issuing = ConditionSet.Find(state.Certificate.Status?.Conditions, ConditionTypes.Issuing);
            var specChanged = issuing?.ObservedGeneration is { } observed && observed != state.Generation;
            if (!specChanged && IssuanceBackoff.ShouldWait(state.Certificate.Status, state.Now, out var retryAt))
            {
                return StepResult.Done(retryAt - state.Now);
            }

            var now = state.Now.UtcDateTime;
            var written = await _ops.UpdateStatusAsync(state, (c, s) =>
            {
                s.Conditions = ConditionSet.Set(s.Conditions, ConditionTypes.Issuing, ConditionStatus.True, decision.Reason, decision.Message, c.Metadata.Generation, now);
                if (specChanged)
                {
                    // A new spec deserves a prompt attempt: the failures were about the old one.
                    s.FailedIssuanceAttempts = null;
                    s.LastFailureTime = null;
                }
            }, cancellationToken).ConfigureAwait(false);
            if (!written)
            {
                return StepResult.Done();
            }

            await _ops.RecordAsync(state, EventTypes.Normal, ConditionReasons.Issuing, decision.Message, cancellationToken).ConfigureAwait(false);
        }

        if (!state.IssuerReady)
        {
            // Issuing stays True (pending); the issuer becoming Ready re-enqueues this Certificate.
            await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, ConditionReasons.IssuerNotReady,
                $"Waiting for {IssuerLookup.Describe(state.Spec.IssuerRef)} to become Ready",
                cancellationToken).ConfigureAwait(false);
            return StepResult.Done();
        }

        return StepResult.Continue;
    }

    /// <summary>The CA's suggested window (ARI) has reached this certificate's point in it.</summary>
    public static ReissueDecision? AriDecision(AriWindow? window, RenewalSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return window is not null && schedule.AriPoint is { } due && now >= due
            ? new ReissueDecision(ConditionReasons.Renewing, $"The ACME server's renewal window ({window.Start:u} to {window.End:u}) has opened")
            : null;
    }

    /// <summary>The signed CertificateRequest of status.revision, when one is kept and its CSR reads.</summary>
    private LastRequest? LastRequestOf(CertificateSyncState state)
    {
        var revision = state.Certificate.Status?.Revision;
        if (revision is null || _ops.Context.Informers.CertificateRequests is not { } requests)
        {
            return null;
        }

        var request = requests.ByIndex(CertificateIndexes.RequestsByOwnerUid, state.Certificate.Metadata.Uid ?? "")
            .FirstOrDefault(r => CertificateRequestFactory.RevisionOf(r.Metadata) == revision && ConditionSet.IsTrue(r.Status?.Conditions, ConditionTypes.Ready));
        if (request is null)
        {
            return null;
        }

        try
        {
            var csr = Pki.CsrParser.ParsePem(System.Text.Encoding.ASCII.GetString(request.Spec.Request));
            return new LastRequest(csr, request.Spec.Usages ?? [], request.Spec.IsCA ?? false);
        }
        catch (Pki.PemFormatException)
        {
            return null;
        }
    }
}

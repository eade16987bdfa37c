using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Step 5: stores an issued certificate in the Secret and completes the revision, or records a failed attempt
/// (Issuing=False, failedIssuanceAttempts+1) so the trigger waits for <see cref="IssuanceBackoff"/>.
/// </summary>
public sealed class IssuingStep : ICertificateStep
{
    private readonly CertificateOperations _ops;

    public IssuingStep(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public string Name => "issuing";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Issued is { } issued)
        {
            return await StoreAsync(state, issued, cancellationToken).ConfigureAwait(false);
        }

        if (state.IssuanceFailure is { } failure)
        {
            return await FailAsync(state, failure, cancellationToken).ConfigureAwait(false);
        }

        return StepResult.Continue;
    }

    private async Task<StepResult> StoreAsync(CertificateSyncState state, IssuedMaterial issued, CancellationToken cancellationToken)
    {
        var key = state.NextKey ?? throw new InvalidOperationException("issuing step needs the next private key");
        var leaf = CertificateInfo.FromPem(issued.ChainPem);
        var encoding = CertificateTemplateFactory.Create(state.Spec).PrivateKey.Encoding;
        var secrets = _ops.Context.Apis.Secrets;
        var desired = IssuedSecretBuilder.Build(state.Secret, state.Certificate, issued.ChainPem, key.ExportPem(encoding), issued.CaPem, leaf);
        V1Secret written;
        if (state.Secret is null)
        {
            try
            {
                written = await secrets.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
            {
                // Created meanwhile (by a user or a stale cache): merge into what is there now.
                var current = await secrets.GetAsync(state.Namespace, state.Spec.SecretName, cancellationToken).ConfigureAwait(false);
                if (SecretAdoptionPolicy.Decide(current) is { MayWrite: false, Message: { } notOwned })
                {
                    await _ops.HaltAsync(state, CertificateReasons.SecretNotOwned, notOwned, cancellationToken).ConfigureAwait(false);
                    return StepResult.Done();
                }
                await RecordAdoptionAsync(state, current, cancellationToken).ConfigureAwait(false);
                desired = IssuedSecretBuilder.Build(current, state.Certificate, issued.ChainPem, key.ExportPem(encoding), issued.CaPem, leaf);
                written = await secrets.ReplaceAsync(desired, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // Trigger refused Secrets the operator may not write; what is left is ours or adoptable.
            await RecordAdoptionAsync(state, state.Secret, cancellationToken).ConfigureAwait(false);
            written = await secrets.ReplaceAsync(desired, cancellationToken).ConfigureAwait(false);
        }

        _ops.SecretWrites.Record(written);
        state.Secret = written;
        var revision = state.NextRevision;
        var nextKeySecret = state.Certificate.Status?.NextPrivateKeySecretName;
        var renewal = CertificatePolicies.RenewalTime(state.Certificate, leaf, state.RenewalJitter);
        var disabled = RenewalWindowPolicy.IsDisabled(state.Certificate.Spec.Renewal);
        var updated = await _ops.UpdateStatusAsync(state, (_, s) =>
        {
            s.Revision = revision;
            s.NotBefore = leaf.NotBefore.UtcDateTime;
            s.NotAfter = leaf.NotAfter.UtcDateTime;
            s.RenewalTime = disabled ? null : renewal.UtcDateTime;
            s.Conditions = ConditionSet.Remove(s.Conditions, ConditionTypes.Issuing);
            if (RevokedConditionPolicy.RemoveAfterIssuance(ConditionSet.Find(s.Conditions, ConditionTypes.Revoked), leaf.SerialNumberHex))
            {
                // The revoked certificate is no longer in the Secret; the Issued event below is all the user needs.
                s.Conditions = ConditionSet.Remove(s.Conditions, ConditionTypes.Revoked);
            }
            s.FailedIssuanceAttempts = null;
            s.LastFailureTime = null;
            s.NextPrivateKeySecretName = null;
        }, cancellationToken).ConfigureAwait(false);
        if (!updated)
        {
            return StepResult.Done();
        }

        if (!string.IsNullOrEmpty(nextKeySecret))
        {
            // Only once the status no longer names it: a restart in between must not look for a deleted key.
            await _ops.AfterStatusWriteAsync(state, ct => secrets.DeleteAsync(state.Namespace, nextKeySecret, ct), cancellationToken).ConfigureAwait(false);
        }

        // One Event says both that it was issued and when it renews (an Event is a write per issuance).
        await _ops.RecordAsync(state, EventTypes.Normal, ConditionReasons.Issued, disabled
            ? "The certificate has been successfully issued; renewal is disabled"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The certificate has been successfully issued; renewal scheduled for {renewal.UtcDateTime:u}"),
            cancellationToken).ConfigureAwait(false);

        var schedule = RenewalScheduler.Schedule(disabled ? null : renewal, leaf.NotAfter, state.Now, state.Certificate.Metadata.Uid);
        return StepResult.ContinueAndRequeue(schedule.RequeueAfter);
    }

    private Task RecordAdoptionAsync(CertificateSyncState state, V1Secret? existing, CancellationToken cancellationToken) =>
        SecretAdoptionPolicy.Decide(existing) is { IsAdoption: true, Message: { } adopted }
            ? _ops.RecordAsync(state, EventTypes.Normal, CertificateReasons.SecretAdopted, adopted, cancellationToken)
            : Task.CompletedTask;

    private async Task<StepResult> FailAsync(CertificateSyncState state, string failure, CancellationToken cancellationToken)
    {
        var seenAttempts = state.Certificate.Status?.FailedIssuanceAttempts ?? 0;
        var dropKey = state.Spec.PrivateKey?.EffectiveRotationPolicy != RotationPolicies.Never;
        var nextKeySecret = state.Certificate.Status?.NextPrivateKeySecretName;
        var now = state.Now.UtcDateTime;
        var message = "The certificate request has failed to complete and will be retried: " + failure;
        var updated = await _ops.UpdateStatusAsync(state, (c, s) =>
        {
            // Count each failure once even when a stale copy makes us see it twice.
            if ((s.FailedIssuanceAttempts ?? 0) != seenAttempts || !ConditionSet.IsTrue(s.Conditions, ConditionTypes.Issuing))
            {
                return;
            }

            s.Conditions = ConditionSet.Set(s.Conditions, ConditionTypes.Issuing, ConditionStatus.False, ConditionReasons.Failed, message, c.Metadata.Generation, now);
            s.FailedIssuanceAttempts = seenAttempts + 1;
            s.LastFailureTime = now;
            if (dropKey)
            {
                s.NextPrivateKeySecretName = null;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!updated)
        {
            return StepResult.Done();
        }

        if (dropKey && !string.IsNullOrEmpty(nextKeySecret) && state.Certificate.Status?.NextPrivateKeySecretName is null)
        {
            await _ops.AfterStatusWriteAsync(state, ct => _ops.Context.Apis.Secrets.DeleteAsync(state.Namespace, nextKeySecret, ct), cancellationToken).ConfigureAwait(false);
        }

        await _ops.RecordAsync(state, EventTypes.Warning, ConditionReasons.Failed, message, cancellationToken).ConfigureAwait(false);
        var attempts = state.Certificate.Status?.FailedIssuanceAttempts ?? seenAttempts + 1;
        return StepResult.ContinueAndRequeue(IssuanceBackoff.Delay(attempts));
    }
}

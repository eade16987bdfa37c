using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Status;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>The reads and writes every step shares: status updates, events and Secret look-ups (cache first).</summary>
public sealed class CertificateOperations
{
    public CertificateOperations(OperatorContext context)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
        CertificateWrites = new OwnWriteTracker<Certificate>(context.Informers.Certificates, context.Time);
        SecretWrites = new OwnWriteTracker<V1Secret>(context.Informers.ManagedSecrets, context.Time);
    }

    public OperatorContext Context { get; }

    /// <summary>Our status writes the Certificate cache has not shown yet.</summary>
    public OwnWriteTracker<Certificate> CertificateWrites { get; }

    /// <summary>Our writes of issued Secrets the Secret cache has not shown yet.</summary>
    public OwnWriteTracker<V1Secret> SecretWrites { get; }

    /// <summary>
    /// True while either cache is older than what this process last wrote for <paramref name="certificate"/>: deciding on
    /// it could issue the same revision again (a stale "Issuing" condition, or the previous certificate still in the
    /// cached Secret).
    /// </summary>
    public bool IsBehindOwnWrites(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var key = ObjectKey.From(certificate);
        return CertificateWrites.IsBehind(key)
            || (certificate.Spec?.SecretName is { Length: > 0 } secret && SecretWrites.IsBehind(new ObjectKey(key.Namespace, secret)));
    }

    /// <summary>
    /// Applies <paramref name="mutate"/> to the status (created when absent). Within a reconcile pass (a
    /// <see cref="StatusBatch"/> on the state) the change is kept for the pass's single write and this returns true;
    /// otherwise it is written at once, and false means the Certificate is gone. The mutation may run again on a
    /// fresher copy after a conflict and must be idempotent.
    /// </summary>
    public async Task<bool> UpdateStatusAsync(CertificateSyncState state, Action<Certificate, CertificateStatus> mutate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.StatusBatch is { } batch)
        {
            state.Certificate = batch.Apply(mutate);
            return true;
        }

        return await WriteAsync(state, state.Certificate, c =>
        {
            c.Status ??= new CertificateStatus();
            mutate(c, c.Status);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the pass's pending status changes, then runs what waited for them. False when the Certificate is gone.
    /// Steps call it before acting on a pending change outside the operator; the reconciler calls it at the end.
    /// </summary>
    public async Task<bool> FlushStatusAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.StatusBatch is not { IsEmpty: false } batch)
        {
            return true;
        }

        if (!await WriteAsync(state, batch.Stored, batch.ReplayOnto, cancellationToken).ConfigureAwait(false))
        {
            batch.Abandon();
            return false;
        }

        foreach (var action in batch.Written(state.Certificate))
        {
            await action(cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>Runs <paramref name="action"/> once the pass's status changes are stored (at once outside a pass).</summary>
    public Task AfterStatusWriteAsync(CertificateSyncState state, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(action);
        if (state.StatusBatch is { } batch)
        {
            batch.AfterWrite(action);
            return Task.CompletedTask;
        }
        return action(cancellationToken);
    }

    private async Task<bool> WriteAsync(CertificateSyncState state, Certificate stored, Action<Certificate> mutate, CancellationToken cancellationToken)
    {
        var result = await Context.StatusWriter.UpdateStatusAsync(Context.Apis.Certificates, stored, mutate, cancellationToken).ConfigureAwait(false);
        if (result.Object is null)
        {
            return false;
        }

        CertificateWrites.Record(result.Object);
        state.Certificate = result.Object;
        return true;
    }

    /// <summary>Sets one condition, stamped with the current generation.</summary>
    public Task<bool> SetConditionAsync(CertificateSyncState state, string type, string status, string reason, string message, CancellationToken cancellationToken)
    {
        var now = state.Now.UtcDateTime;
        return UpdateStatusAsync(state, (c, s) =>
            s.Conditions = ConditionSet.Set(s.Conditions, type, status, reason, message, c.Metadata.Generation, now), cancellationToken);
    }

    /// <summary>Ready=False plus a Warning event, for problems only a spec or issuer change can fix.</summary>
    public async Task HaltAsync(CertificateSyncState state, string reason, string message, CancellationToken cancellationToken)
    {
        state.Halted = true;
        await SetConditionAsync(state, ConditionTypes.Ready, ConditionStatus.False, reason, message, cancellationToken).ConfigureAwait(false);
        await RecordAsync(state, Kube.Events.EventTypes.Warning, reason, message, cancellationToken).ConfigureAwait(false);
    }

    public Task RecordAsync(CertificateSyncState state, string type, string reason, string message, CancellationToken cancellationToken) =>
        Context.Events.RecordAsync(state.Certificate, type, reason, message, cancellationToken);

    /// <summary>A Secret from the managed-Secret cache, else read directly (user-created or not yet labelled).</summary>
    public async Task<V1Secret?> GetSecretAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var cached = Context.Informers.ManagedSecrets.Get(new ObjectKey(@namespace, name));
        if (cached is not null)
        {
            return cached;
        }

        return await Context.Apis.Secrets.GetAsync(@namespace, name, cancellationToken).ConfigureAwait(false);
    }
}

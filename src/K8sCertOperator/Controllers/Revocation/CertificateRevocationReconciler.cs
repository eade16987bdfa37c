using System.Collections.Concurrent;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Revocation;

/// <summary>
/// Adds or removes the revoke-on-delete finalizer as the policy says, and on deletion revokes the
/// certificate in the Secret with the issuer's ACME account, then releases the finalizer.
/// </summary>
public sealed class CertificateRevocationReconciler : IReconciler
{
    private readonly OperatorContext _context;
    private readonly ILogger _logger;

    // Failed attempts per Certificate UID; only needed while a deletion is pending, so memory is enough:
    // after a restart the count starts again but the deletion-time bound still holds.
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public CertificateRevocationReconciler(OperatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _logger = context.LoggerFactory.CreateLogger<CertificateRevocationReconciler>();
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var certificate = _context.Informers.Certificates.Get(key);
        if (certificate is null)
        {
            return ReconcileResult.Success();
        }
        var hasFinalizer = FinalizerHelper.Has(certificate, RevocationFinalizer.Name);
        if (certificate.Metadata.DeletionTimestamp is null)
        {
            var wanted = RevocationFinalizer.IsWanted(certificate);
            if (wanted && !hasFinalizer)
            {
                await FinalizerHelper.AddAsync(_context.Apis.Certificates, certificate, RevocationFinalizer.Name, cancellationToken).ConfigureAwait(false);
            }
            else if (!wanted && hasFinalizer)
            {
                await FinalizerHelper.RemoveAsync(_context.Apis.Certificates, certificate, RevocationFinalizer.Name, cancellationToken).ConfigureAwait(false);
            }
            return ReconcileResult.Success();
        }
        if (!hasFinalizer)
        {
            return ReconcileResult.Success();
        }

        var uid = certificate.Metadata.Uid ?? key.ToString();
        string? failure;
        try
        {
            failure = await RevokeAsync(certificate, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AcmeProtocolException or HttpRequestException or Kube.Client.KubeApiException or PkiException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            failure = e is AcmeProtocolException p ? $"ACME server said {p.Type}: {p.Problem.Detail}" : e.Message;
        }

        if (failure is null)
        {
            _failures.TryRemove(uid, out _);
            await ReleaseAsync(certificate, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Success();
        }

        var attempts = _failures.AddOrUpdate(uid, 1, (_, n) => n + 1);
        var started = new DateTimeOffset(DateTime.SpecifyKind(certificate.Metadata.DeletionTimestamp.Value, DateTimeKind.Utc));
        var delay = RevocationRetryPolicy.NextDelay(attempts, started, _context.Time.GetUtcNow());
        _logger.LogWarning("Revoking {Namespace}/{Name} failed (attempt {Attempt}): {Reason}", key.Namespace, key.Name, attempts, failure);
        if (delay is { } wait)
        {
            return ReconcileResult.Failure(failure, wait);
        }
        _failures.TryRemove(uid, out _);
        await _context.Events.RecordAsync(certificate, EventTypes.Warning, "RevocationFailed",
            $"Gave up revoking after {attempts} attempts; releasing the deletion: {failure}", cancellationToken).ConfigureAwait(false);
        await ReleaseAsync(certificate, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Success();
    }

    /// <summary>Null when done (revoked, or nothing to revoke); otherwise why it failed and should be retried.</summary>
    private async Task<string?> RevokeAsync(Certificate certificate, CancellationToken cancellationToken)
    {
        var ns = certificate.Metadata.NamespaceProperty;
        var secret = string.IsNullOrEmpty(certificate.Spec.SecretName)
            ? null
            : await _context.Apis.Secrets.GetAsync(ns, certificate.Spec.SecretName, cancellationToken).ConfigureAwait(false);
        if (secret?.Data is null || !secret.Data.TryGetValue(SecretKeys.TlsCertificate, out var pem) || pem.Length == 0)
        {
            await _context.Events.RecordAsync(certificate, EventTypes.Normal, "NothingToRevoke",
                $"Secret {certificate.Spec.SecretName} holds no certificate; nothing was revoked", cancellationToken).ConfigureAwait(false);
            return null;
        }

        var lookup = await _context.AcmeAccounts.GetAsync(certificate.Spec.IssuerRef, ns, cancellationToken).ConfigureAwait(false);
        if (lookup.Issuer is { Spec.Acme: null })
        {
            await _context.Events.RecordAsync(certificate, EventTypes.Normal, "RevocationSkipped",
                "The issuer is not an ACME issuer; nothing was revoked", cancellationToken).ConfigureAwait(false);
            return null;
        }
        if (!lookup.IsReady)
        {
            return lookup.NotReadyReason ?? "the ACME account is not ready";
        }

        var chain = PemCodec.DecodeCertificates(System.Text.Encoding.UTF8.GetString(pem));
        var leafDer = chain[0].RawData;
        var serial = CertificateInfo.FromCertificate(chain[0]).SerialNumberHex;
        foreach (var c in chain)
        {
            c.Dispose();
        }
        try
        {
            await lookup.Client!.RevokeCertificateAsync(leafDer, RevocationFinalizer.CessationOfOperation, null, cancellationToken).ConfigureAwait(false);
        }
        catch (AcmeProtocolException e) when (e.Type == AcmeProblemTypes.AlreadyRevoked)
        {
            // Someone (e.g. `revoke NAME`) got there first: the goal is met.
        }
        await _context.Events.RecordAsync(certificate, EventTypes.Normal, "Revoked",
            $"Revoked certificate serial {serial} (cessationOfOperation) because the Certificate was deleted", cancellationToken).ConfigureAwait(false);
        return null;
    }

    private Task ReleaseAsync(Certificate certificate, CancellationToken cancellationToken) =>
        FinalizerHelper.RemoveAsync(_context.Apis.Certificates, certificate, RevocationFinalizer.Name, cancellationToken);
}

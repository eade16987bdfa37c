using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Makes the Certificates an annotated object owns equal to what its shim wants: creates the missing ones, updates
/// changed ones, deletes owned ones no longer wanted. A Certificate of the same name that the object does not
/// control is reported with a Warning Event and never touched. Shared by ingress-shim and gateway-shim.
/// </summary>
public sealed class ShimCertificateWriter(OperatorContext context, ShimOwnership ownership, ILogger logger)
{
    /// <summary>Event reasons on the owner (cert-manager's spelling where it has one).</summary>
    public const string CreateCertificateReason = "CreateCertificate";
    public const string UpdateCertificateReason = "UpdateCertificate";
    public const string DeleteCertificateReason = "DeleteCertificate";
    public const string CertificateConflictReason = "CertificateConflict";

    /// <summary>Warning Event per problem on <paramref name="owner"/>.</summary>
    public async Task ReportAsync(IKubernetesObject<V1ObjectMeta> owner, IEnumerable<ShimProblem> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            await context.Events.RecordAsync(owner, EventTypes.Warning, problem.Reason, problem.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Brings <paramref name="owned"/> (the cache's Certificates controlled by <paramref name="owner"/>) to <paramref name="desired"/>;
    /// owned Certificates named in <paramref name="held"/> are kept as they are.
    /// </summary>
    public async Task<ReconcileResult> SyncAsync(
        IKubernetesObject<V1ObjectMeta> owner, IReadOnlyList<Certificate> desired, IEnumerable<Certificate> owned, IReadOnlySet<string> held,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(held);
        var wanted = new HashSet<string>(desired.Select(c => c.Metadata.Name), StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var certificate in desired)
        {
            var existing = context.Informers.Certificates.Get(ObjectKey.From(certificate));
            try
            {
                await EnsureAsync(owner, certificate, existing, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.Kind is KubeApiErrorKind.Conflict or KubeApiErrorKind.AlreadyExists or KubeApiErrorKind.NotFound)
            {
                // The cache was behind the API server; the informer event that follows brings us back.
                failures.Add($"{certificate.Metadata.Name}: {e.Kind}");
            }
        }

        foreach (var certificate in owned.ToList())
        {
            var name = certificate.Metadata.Name;
            if (wanted.Contains(name) || held.Contains(name) || certificate.Metadata.NamespaceProperty != owner.Metadata.NamespaceProperty)
            {
                continue;
            }

            if (await context.Apis.Certificates.DeleteAsync(certificate.Metadata.NamespaceProperty, name, cancellationToken).ConfigureAwait(false))
            {
                logger.LogInformation("Deleted Certificate {Namespace}/{Name}: no longer requested by {Kind} {Owner}", certificate.Metadata.NamespaceProperty, name, ownership.Kind, owner.Metadata.Name);
                await context.Events.RecordAsync(owner, EventTypes.Normal, DeleteCertificateReason, $"Deleted Certificate \"{name}\": no longer requested", cancellationToken).ConfigureAwait(false);
            }
        }

        return failures.Count == 0 ? ReconcileResult.Success() : ReconcileResult.Failure("stale cache: " + string.Join("; ", failures));
    }

    /// <summary>
    /// The owner is gone: the garbage collector removes its Certificates, and deleting them here as well also catches
    /// one created from a stale cache entry just before the owner's delete event arrived.
    /// </summary>
    public async Task DeleteOrphansAsync(ObjectKey ownerKey, IEnumerable<Certificate> orphans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orphans);
        foreach (var orphan in orphans.ToList())
        {
            if (await context.Apis.Certificates.DeleteAsync(orphan.Metadata.NamespaceProperty, orphan.Metadata.Name, cancellationToken).ConfigureAwait(false))
            {
                logger.LogInformation("Deleted Certificate {Namespace}/{Name}: its {Kind} {Owner} is gone", orphan.Metadata.NamespaceProperty, orphan.Metadata.Name, ownership.Kind, ownerKey.Name);
            }
        }
    }

    private async Task EnsureAsync(IKubernetesObject<V1ObjectMeta> owner, Certificate desired, Certificate? existing, CancellationToken cancellationToken)
    {
        var name = desired.Metadata.Name;
        if (existing is null)
        {
            await context.Apis.Certificates.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Created Certificate {Namespace}/{Name} for {Kind} {Owner}", desired.Metadata.NamespaceProperty, name, ownership.Kind, owner.Metadata.Name);
            await context.Events.RecordAsync(owner, EventTypes.Normal, CreateCertificateReason, $"Created Certificate \"{name}\"", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!ownership.IsControlledBy(existing.Metadata, owner.Metadata.Uid))
        {
            await context.Events.RecordAsync(owner, EventTypes.Warning, CertificateConflictReason,
                $"Certificate \"{name}\" already exists and is not owned by this {ownership.Kind}; leaving it untouched", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Work on a copy: informer objects are shared with every other reader of the cache.
        var updated = KubeJson.Clone(existing);
        if (!CertificateSpecSync.Apply(updated, desired))
        {
            return;
        }

        await context.Apis.Certificates.ReplaceAsync(updated, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Updated Certificate {Namespace}/{Name} from {Kind} {Owner}", desired.Metadata.NamespaceProperty, name, ownership.Kind, owner.Metadata.Name);
        await context.Events.RecordAsync(owner, EventTypes.Normal, UpdateCertificateReason, $"Updated Certificate \"{name}\"", cancellationToken).ConfigureAwait(false);
    }
}

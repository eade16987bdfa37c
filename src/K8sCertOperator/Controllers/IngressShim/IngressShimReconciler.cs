using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>
/// Keeps the Certificates an Ingress owns equal to what <see cref="IngressCertificateMapper"/> derives from it:
/// creates the missing ones, updates changed ones, deletes owned ones no longer wanted. A Certificate of the
/// same name that the Ingress does not control is reported and never touched.
/// </summary>
public sealed class IngressShimReconciler : IReconciler
{
    /// <summary>Event reasons on the Ingress (cert-manager's spelling where it has one).</summary>
    public const string CreateCertificateReason = "CreateCertificate";
    public const string UpdateCertificateReason = "UpdateCertificate";
    public const string DeleteCertificateReason = "DeleteCertificate";
    public const string CertificateConflictReason = "CertificateConflict";

    private readonly OperatorContext _context;
    private readonly IInformer<V1Ingress> _ingresses;
    private readonly IngressShimOptions _options;
    private readonly ILogger _logger;

    public IngressShimReconciler(OperatorContext context, IInformer<V1Ingress> ingresses, IngressShimOptions options)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _ingresses = ingresses ?? throw new ArgumentNullException(nameof(ingresses));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = context.LoggerFactory.CreateLogger<IngressShimReconciler>();
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var ingress = _ingresses.Get(key);
        if (ingress is null)
        {
            // The garbage collector removes owned Certificates with the Ingress; deleting them here as well also
            // catches one created from a stale cache entry just before the Ingress's delete event arrived.
            await DeleteOrphansAsync(key, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Success();
        }

        if (ingress.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Success();
        }

        var mapping = IngressCertificateMapper.Map(ingress, _options);
        foreach (var problem in mapping.Problems)
        {
            await _context.Events.RecordAsync(ingress, EventTypes.Warning, problem.Reason, problem.Message, cancellationToken).ConfigureAwait(false);
        }

        if (mapping.Invalid)
        {
            // Owned Certificates stay as they are until the annotations are fixed.
            return ReconcileResult.Success();
        }

        var certificates = _context.Informers.Certificates;
        var wanted = new HashSet<string>(mapping.Certificates.Select(c => c.Metadata.Name), StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var desired in mapping.Certificates)
        {
            var existing = certificates.Get(ObjectKey.From(desired));
            try
            {
                await EnsureAsync(ingress, desired, existing, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.Kind is KubeApiErrorKind.Conflict or KubeApiErrorKind.AlreadyExists or KubeApiErrorKind.NotFound)
            {
                // The cache was behind the API server; the informer event that follows brings us back.
                failures.Add($"{desired.Metadata.Name}: {e.Kind}");
            }
        }

        foreach (var owned in certificates.ByIndex(IngressShimIndexes.CertificatesByIngressUid, ingress.Metadata.Uid ?? ""))
        {
            var name = owned.Metadata.Name;
            if (wanted.Contains(name) || mapping.HeldSecretNames.Contains(name) || owned.Metadata.NamespaceProperty != ingress.Metadata.NamespaceProperty)
            {
                continue;
            }

            if (await _context.Apis.Certificates.DeleteAsync(owned.Metadata.NamespaceProperty, name, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogInformation("Deleted Certificate {Namespace}/{Name}: no longer requested by Ingress {Ingress}", owned.Metadata.NamespaceProperty, name, ingress.Metadata.Name);
                await _context.Events.RecordAsync(ingress, EventTypes.Normal, DeleteCertificateReason, $"Deleted Certificate \"{name}\": no longer requested", cancellationToken).ConfigureAwait(false);
            }
        }

        return failures.Count == 0 ? ReconcileResult.Success() : ReconcileResult.Failure("stale cache: " + string.Join("; ", failures));
    }

    private async Task DeleteOrphansAsync(ObjectKey ingressKey, CancellationToken cancellationToken)
    {
        var indexKey = IngressShimIndexes.SecretKey(ingressKey.Namespace, ingressKey.Name);
        foreach (var orphan in _context.Informers.Certificates.ByIndex(IngressShimIndexes.CertificatesByIngressName, indexKey))
        {
            if (await _context.Apis.Certificates.DeleteAsync(orphan.Metadata.NamespaceProperty, orphan.Metadata.Name, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogInformation("Deleted Certificate {Namespace}/{Name}: its Ingress {Ingress} is gone", orphan.Metadata.NamespaceProperty, orphan.Metadata.Name, ingressKey.Name);
            }
        }
    }

    private async Task EnsureAsync(V1Ingress ingress, Certificate desired, Certificate? existing, CancellationToken cancellationToken)
    {
        var name = desired.Metadata.Name;
        if (existing is null)
        {
            await _context.Apis.Certificates.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Created Certificate {Namespace}/{Name} for Ingress {Ingress}", desired.Metadata.NamespaceProperty, name, ingress.Metadata.Name);
            await _context.Events.RecordAsync(ingress, EventTypes.Normal, CreateCertificateReason, $"Created Certificate \"{name}\"", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!IngressOwnership.IsControlledBy(existing.Metadata, ingress.Metadata.Uid))
        {
            await _context.Events.RecordAsync(ingress, EventTypes.Warning, CertificateConflictReason,
                $"Certificate \"{name}\" already exists and is not owned by this Ingress; leaving it untouched", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Work on a copy: informer objects are shared with every other reader of the cache.
        var updated = KubeJson.Clone(existing);
        if (!CertificateSpecSync.Apply(updated, desired))
        {
            return;
        }

        await _context.Apis.Certificates.ReplaceAsync(updated, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Updated Certificate {Namespace}/{Name} from Ingress {Ingress}", desired.Metadata.NamespaceProperty, name, ingress.Metadata.Name);
        await _context.Events.RecordAsync(ingress, EventTypes.Normal, UpdateCertificateReason, $"Updated Certificate \"{name}\"", cancellationToken).ConfigureAwait(false);
    }
}

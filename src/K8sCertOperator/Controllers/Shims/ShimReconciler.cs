using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Reconcile;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Keeps the Certificates an annotated object owns equal to what its mapping derives from it (through
/// <see cref="ShimCertificateWriter"/>). The same loop serves Ingresses, Gateways and ListenerSets.
/// </summary>
public class ShimReconciler<T> : IReconciler
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly OperatorContext _context;
    private readonly ShimSource<T> _source;
    private readonly ShimCertificateWriter _writer;

    public ShimReconciler(OperatorContext context, ShimSource<T> source)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _writer = new ShimCertificateWriter(context, source.Ownership, context.LoggerFactory.CreateLogger(GetType()));
    }

    /// <summary>What this reconciler serves (for <see cref="ShimWiring"/>).</summary>
    public ShimSource<T> Source => _source;

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var certificates = _context.Informers.Certificates;
        var owner = _source.Objects.Get(key);
        if (owner is null)
        {
            var orphans = certificates.ByIndex(_source.CertificatesByOwnerName, ShimIndexKeys.Of(key.Namespace, key.Name));
            await _writer.DeleteOrphansAsync(key, orphans, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Success();
        }

        if (owner.Metadata.DeletionTimestamp is not null)
        {
            return ReconcileResult.Success();
        }

        var mapping = _source.Map(owner);
        await _writer.ReportAsync(owner, mapping.Problems, cancellationToken).ConfigureAwait(false);
        if (mapping.Invalid)
        {
            // Owned Certificates stay as they are until the annotations are fixed.
            return ReconcileResult.Success();
        }

        var owned = certificates.ByIndex(_source.CertificatesByOwnerUid, owner.Metadata.Uid ?? "");
        return await _writer.SyncAsync(owner, mapping.Certificates, owned, mapping.HeldSecretNames, cancellationToken).ConfigureAwait(false);
    }
}

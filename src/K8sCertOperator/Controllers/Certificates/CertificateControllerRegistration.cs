using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Wires the Certificate controller: Certificates (and rivals for the same Secret), managed Secrets via their
/// certificate-name annotation or owner, CertificateRequests via owner reference, Orders via their certificate-name annotation, and Issuer/ClusterIssuer changes via an
/// issuerRef index all enqueue the Certificate's key.
/// </summary>
public sealed class CertificateControllerRegistration : IControllerRegistration
{
    public string Name => "certificates";

    /// <summary>The reconciler from the last <see cref="Build"/> (tests read its counters).</summary>
    public CertificateReconciler? Reconciler { get; private set; }

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var informers = context.Informers;
        var certificates = informers.Certificates;
        certificates.AddIndex(CertificateIndexes.ByIssuer, CertificateIndexes.IssuerKeys);
        certificates.AddIndex(CertificateIndexes.BySecretName, CertificateIndexes.SecretKeys);
        var requests = CertificateRequests.CertificateRequestInformer.Of(context);
        requests.AddIndex(CertificateIndexes.RequestsByOwnerUid, CertificateIndexes.OwnerUids);

        certificates.EnqueueOnChange(queue, c => CertificateIndexes.CertificateAndRivals(c, certificates));
        informers.ManagedSecrets.EnqueueOnChange(queue, CertificateOwnership.SecretCertificateKeys);
        var approver = context.Options.ApproveSigners;
        requests.EnqueueWhen(queue, (before, after) => RequestWakeUps.RequestMatters(before, after, approver), r => CertificateOwnership.OwnerKeys(r.Metadata));
        // Orders belong to requests; the Certificate follows them only for the order rate limit it shows
        // (Orders created before requests existed are owned by the Certificate itself and followed in full).
        informers.Orders.EnqueueOnChange(queue, o => CertificateOwnership.OwnerKeys(o.Metadata));
        informers.Orders.EnqueueWhen(queue, RequestWakeUps.OrderMatters, o => CertificateIndexes.AnnotatedCertificate(o.Metadata));
        // Challenges belong to Orders; the Certificate follows them only for the records a person must publish.
        informers.Challenges.EnqueueWhen(queue, RequestWakeUps.ChallengeMatters, c =>
            OrderEvents.OwnerName(c, ApiGroups.OrderKind) is { } order && informers.Orders.Get(new ObjectKey(c.Metadata.NamespaceProperty, order)) is { } owner
                ? CertificateIndexes.OrderCertificates(owner)
                : []);
        informers.Issuers.EnqueueOnChange(queue, i =>
            certificates.ByIndex(CertificateIndexes.ByIssuer, CertificateIndexes.IssuerKey(i.Metadata.NamespaceProperty, i.Metadata.Name)).Select(ObjectKey.From));
        informers.ClusterIssuers.EnqueueOnChange(queue, i =>
            certificates.ByIndex(CertificateIndexes.ByIssuer, CertificateIndexes.ClusterIssuerKey(i.Metadata.Name)).Select(ObjectKey.From));

        Reconciler = new CertificateReconciler(context);
        return Reconciler;
    }
}

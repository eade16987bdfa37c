using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>Registers the CertificateRequest signer: keyed by request, also woken by its Order and when an issuer changes.</summary>
public sealed class CertificateRequestSignerRegistration : IControllerRegistration
{
    public string Name => "certificaterequests-signer";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var requests = CertificateRequestInformer.Of(context);
        var approver = context.Options.ApproveSigners;
        requests.EnqueueWhen(queue, (before, after) => Certificates.RequestWakeUps.RequestMattersToSigner(before, after, approver), request => [ObjectKey.From(request)]);
        // ACME requests are signed through an Order of their own; its progress brings the request back.
        context.Informers.Orders.EnqueueWhen(queue, Certificates.RequestWakeUps.OrderMattersToSigner, order => AcmeOrders.OrderForRequest.RequestKeys(order.Metadata));
        // A scan of the cache: requests waiting on an issuer are few, and this saves them the retry delay.
        context.Informers.Issuers.EnqueueOnChange(queue, issuer => Waiting(requests, ApiGroups.IssuerKind, issuer.Metadata.NamespaceProperty, issuer.Metadata.Name));
        context.Informers.ClusterIssuers.EnqueueOnChange(queue, issuer => Waiting(requests, ApiGroups.ClusterIssuerKind, null, issuer.Metadata.Name));
        return new CertificateRequestSigner(context);
    }

    private static IEnumerable<ObjectKey> Waiting(IInformer<CertificateRequest> requests, string kind, string? ns, string name) =>
        requests.List()
            .Where(r => r.Spec.IssuerRef.Name == name && r.Spec.IssuerRef.EffectiveKind == kind
                && (ns is null || r.Metadata.NamespaceProperty == ns)
                && SignerGate.Decide(r) == SignerStep.Sign)
            .Select(ObjectKey.From);
}

using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.CertificateRequests.Approval;

/// <summary>Registers the built-in approver (only when --approve-signers names any signer).</summary>
public sealed class ApproverControllerRegistration : IControllerRegistration
{
    private readonly SignerPatterns _signers;

    public ApproverControllerRegistration(SignerPatterns signers) => _signers = signers ?? throw new ArgumentNullException(nameof(signers));

    public string Name => "certificaterequests-approver";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        CertificateRequestInformer.Of(context).EnqueueWhen(queue, Certificates.RequestWakeUps.RequestMattersToApprover, request => [ObjectKey.From(request)]);
        return new CertificateRequestApprover(context, _signers);
    }
}

using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.Revocation;

/// <summary>
/// The revoke-on-delete controller: keeps <see cref="RevocationFinalizer.Name"/> on Certificates whose
/// spec.revocationPolicy is RevokeOnDelete and, when such a Certificate is deleted, revokes its certificate.
/// </summary>
public sealed class CertificateRevocationRegistration : IControllerRegistration
{
    public string Name => "certificate-revocation";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        context.Informers.Certificates.EnqueueOnChange(queue);
        return new CertificateRevocationReconciler(context);
    }
}

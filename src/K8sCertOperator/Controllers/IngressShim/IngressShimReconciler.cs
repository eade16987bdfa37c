using k8s.Models;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>
/// Keeps the Certificates an Ingress owns equal to what <see cref="IngressCertificateMapper"/> derives from it. A
/// Certificate of the same name that the Ingress does not control is reported and never touched.
/// </summary>
public sealed class IngressShimReconciler(OperatorContext context, IInformer<V1Ingress> ingresses, ShimOptions options)
    : ShimReconciler<V1Ingress>(context, new ShimSource<V1Ingress>(
        ingresses ?? throw new ArgumentNullException(nameof(ingresses)),
        IngressOwnership.Owner,
        ingress => IngressCertificateMapper.Map(ingress, options)))
{
    /// <summary>Event reasons on the Ingress (cert-manager's spelling where it has one).</summary>
    public const string CreateCertificateReason = ShimCertificateWriter.CreateCertificateReason;
    public const string UpdateCertificateReason = ShimCertificateWriter.UpdateCertificateReason;
    public const string DeleteCertificateReason = ShimCertificateWriter.DeleteCertificateReason;
    public const string CertificateConflictReason = ShimCertificateWriter.CertificateConflictReason;
}

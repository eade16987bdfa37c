using K8sCertOperator.Api;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>The CertificateRequest cache, which compositions built without it (older tests) do not have.</summary>
internal static class CertificateRequestInformer
{
    public static IInformer<CertificateRequest> Of(OperatorContext context) =>
        context.Informers.CertificateRequests
        ?? throw new InvalidOperationException("the CertificateRequest controllers need OperatorInformers.CertificateRequests");
}

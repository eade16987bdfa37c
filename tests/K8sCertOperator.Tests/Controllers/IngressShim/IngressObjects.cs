using k8s.Models;

namespace K8sCertOperator.Tests.Controllers.IngressShim;

/// <summary>Builds Ingresses for the ingress-shim tests.</summary>
internal static class IngressObjects
{
    public static V1Ingress Ingress(IDictionary<string, string> annotations, params (string? Secret, string[]? Hosts)[] tls) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta
        {
            Name = "web",
            NamespaceProperty = "apps",
            Uid = "ingress-uid-1",
            Annotations = new Dictionary<string, string>(annotations),
        },
        Spec = new V1IngressSpec
        {
            Tls = [.. tls.Select(t => new V1IngressTLS { SecretName = t.Secret, Hosts = t.Hosts })],
        },
    };
}

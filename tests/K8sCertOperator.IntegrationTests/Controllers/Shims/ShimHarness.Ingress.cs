using k8s.Models;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.IntegrationTests.Controllers.Shims;

/// <summary>Ingress helpers of the shim harness.</summary>
internal sealed partial class ShimHarness
{
    public Task<V1Ingress> CreateIngressAsync(string name, IDictionary<string, string> annotations, (string Secret, string[] Hosts)[] tls, CancellationToken ct) =>
        Apis.Ingresses.CreateAsync(NewIngress(Namespace, name, annotations, tls), ct);

    /// <summary>An nginx Ingress with one rule per TLS host and the given TLS entries and annotations.</summary>
    public static V1Ingress NewIngress(string ns, string name, IDictionary<string, string> annotations, (string Secret, string[] Hosts)[] tls) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = new Dictionary<string, string>(annotations) },
        Spec = new V1IngressSpec
        {
            IngressClassName = "nginx",
            Rules = [.. tls.SelectMany(t => t.Hosts).Distinct().Select(h => new V1IngressRule { Host = h })],
            Tls = [.. tls.Select(t => new V1IngressTLS { SecretName = t.Secret, Hosts = t.Hosts })],
        },
    };

    /// <summary>Reads the Ingress, changes it and writes it back (retrying on conflicts).</summary>
    public Task UpdateIngressAsync(string name, Action<V1Ingress> change, CancellationToken ct) =>
        UpdateAsync(Apis.Ingresses, name, change, ct);

    /// <summary>Reads an object, changes it and writes it back, retrying on conflicts.</summary>
    public async Task UpdateAsync<T>(IResourceApi<T> api, string name, Action<T> change, CancellationToken ct)
        where T : class, k8s.IKubernetesObject<V1ObjectMeta>
    {
        while (true)
        {
            var item = await api.GetAsync(Namespace, name, ct) ?? throw new InvalidOperationException($"{typeof(T).Name} {name} is gone");
            change(item);
            try
            {
                await api.ReplaceAsync(item, ct);
                return;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.Conflict)
            {
            }
        }
    }
}

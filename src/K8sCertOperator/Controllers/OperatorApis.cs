using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Controllers;

/// <summary>Typed write (and direct read) access to every resource the operator touches.</summary>
public sealed class OperatorApis
{
    public OperatorApis(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Certificates = new CustomResourceApi<Certificate>(client);
        Issuers = new CustomResourceApi<Issuer>(client);
        ClusterIssuers = new CustomResourceApi<ClusterIssuer>(client, clusterScoped: true);
        Orders = new CustomResourceApi<Order>(client);
        Challenges = new CustomResourceApi<Challenge>(client);
        Secrets = CoreResourceApis.Secrets(client);
        Ingresses = CoreResourceApis.Ingresses(client);
    }

    public IResourceApi<Certificate> Certificates { get; }

    public IResourceApi<Issuer> Issuers { get; }

    public IResourceApi<ClusterIssuer> ClusterIssuers { get; }

    public IResourceApi<Order> Orders { get; }

    public IResourceApi<Challenge> Challenges { get; }

    /// <summary>Secrets by name; only managed (labelled) Secrets are cached by an informer.</summary>
    public IResourceApi<V1Secret> Secrets { get; }

    public IResourceApi<V1Ingress> Ingresses { get; }
}

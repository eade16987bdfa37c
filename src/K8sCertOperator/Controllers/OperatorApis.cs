using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Controllers;

/// <summary>Typed write (and direct read) access to every resource the operator touches.</summary>
public sealed class OperatorApis
{
    public OperatorApis(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Certificates = CoreResourceApis.Custom<Certificate>(client);
        Issuers = CoreResourceApis.Custom<Issuer>(client);
        ClusterIssuers = CoreResourceApis.Custom<ClusterIssuer>(client, clusterScoped: true);
        CertificateRequests = CoreResourceApis.Custom<CertificateRequest>(client);
        Orders = CoreResourceApis.Custom<Order>(client);
        Challenges = CoreResourceApis.Custom<Challenge>(client);
        Secrets = CoreResourceApis.Secrets(client);
        SecretMetadata = CoreResourceApis.SecretMetadata(client);
        Ingresses = CoreResourceApis.Ingresses(client);
        Services = CoreResourceApis.Services(client);
        HttpRoutes = CoreResourceApis.Custom<HttpRoute>(client);
        ReferenceGrants = CoreResourceApis.Custom<ReferenceGrant>(client);
        Gateways = CoreResourceApis.Custom<Gateway>(client);
        ListenerSets = CoreResourceApis.Custom<ListenerSet>(client);
    }

    public IResourceApi<Certificate> Certificates { get; }

    public IResourceApi<Issuer> Issuers { get; }

    public IResourceApi<ClusterIssuer> ClusterIssuers { get; }

    public IResourceApi<CertificateRequest> CertificateRequests { get; }

    public IResourceApi<Order> Orders { get; }

    public IResourceApi<Challenge> Challenges { get; }

    /// <summary>Secrets by name; only managed (labelled) Secrets are cached by an informer.</summary>
    public IResourceApi<V1Secret> Secrets { get; }

    /// <summary>Secrets as metadata only (list and watch): how the operator hears of Secrets it does not cache.</summary>
    public IResourceApi<PartialObjectMetadata> SecretMetadata { get; }

    public IResourceApi<V1Ingress> Ingresses { get; }

    /// <summary>Only the HTTP-01 solver's ExternalName Services are written (and watched, by label).</summary>
    public IResourceApi<V1Service> Services { get; }

    /// <summary>Temporary HTTP-01 HTTPRoutes of the gatewayHTTPRoute solver (Gateway API; may not be served).</summary>
    public IResourceApi<HttpRoute> HttpRoutes { get; }

    /// <summary>ReferenceGrants in the operator's namespace that let those routes reach the responder Service.</summary>
    public IResourceApi<ReferenceGrant> ReferenceGrants { get; }
    /// <summary>Gateway API Gateways (gateway-shim); only listed and watched, and only when the API is served.</summary>
    public IResourceApi<Gateway> Gateways { get; }

    /// <summary>Gateway API ListenerSets (gateway-shim); only listed and watched, and only when the API is served.</summary>
    public IResourceApi<ListenerSet> ListenerSets { get; }
}

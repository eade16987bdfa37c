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
        : this(client, ApiFlavor.K8sCert)
    {
    }

    /// <summary>The same resources served in <paramref name="flavor"/> (e.g. cert-manager.io): groups and key names renamed.</summary>
    public OperatorApis(IKubernetes client, ApiFlavor flavor)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(flavor);
        Flavor = flavor;
        var wire = WireNames.For(flavor);
        Certificates = CoreResourceApis.Custom<Certificate>(client, flavor);
        Issuers = CoreResourceApis.Custom<Issuer>(client, flavor);
        ClusterIssuers = CoreResourceApis.Custom<ClusterIssuer>(client, flavor, clusterScoped: true);
        CertificateRequests = CoreResourceApis.Custom<CertificateRequest>(client, flavor);
        Orders = CoreResourceApis.Custom<Order>(client, flavor);
        Challenges = CoreResourceApis.Custom<Challenge>(client, flavor);
        Secrets = CoreResourceApis.Secrets(client, wire);
        SecretMetadata = CoreResourceApis.SecretMetadata(client, wire);
        Ingresses = CoreResourceApis.Ingresses(client, wire);
        // What the shims read is user data in the served API's spelling: read as it is (ShimAnnotationReader maps).
        AnnotatedIngresses = CoreResourceApis.Ingresses(client);
        Services = CoreResourceApis.Services(client, wire);
        HttpRoutes = CoreResourceApis.Custom<HttpRoute>(client, flavor);
        ReferenceGrants = CoreResourceApis.Custom<ReferenceGrant>(client, flavor);
        Gateways = CoreResourceApis.Custom<Gateway>(client);
        ListenerSets = CoreResourceApis.Custom<ListenerSet>(client);
    }

    /// <summary>The API these resources are served in.</summary>
    public ApiFlavor Flavor { get; }

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

    /// <summary>Ingresses with their metadata renamed for the served API: the HTTP-01 solver's temporary Ingresses.</summary>
    public IResourceApi<V1Ingress> Ingresses { get; }

    /// <summary>
    /// The users' Ingresses as the ingress-shim reads them: metadata as on the wire (no renaming in any API), so it
    /// reads exactly the annotation spellings the served API defines.
    /// </summary>
    public IResourceApi<V1Ingress> AnnotatedIngresses { get; }

    /// <summary>Only the HTTP-01 solver's ExternalName Services are written (and watched, by label).</summary>
    public IResourceApi<V1Service> Services { get; }

    /// <summary>Temporary HTTP-01 HTTPRoutes of the gatewayHTTPRoute solver (Gateway API; may not be served).</summary>
    public IResourceApi<HttpRoute> HttpRoutes { get; }

    /// <summary>ReferenceGrants in the operator's namespace that let those routes reach the responder Service.</summary>
    public IResourceApi<ReferenceGrant> ReferenceGrants { get; }

    /// <summary>Gateway API Gateways (gateway-shim); only listed and watched, and only when the API is served. Read as on the wire, like <see cref="AnnotatedIngresses"/>.</summary>
    public IResourceApi<Gateway> Gateways { get; }

    /// <summary>Gateway API ListenerSets (gateway-shim); only listed and watched, and only when the API is served. Read as on the wire.</summary>
    public IResourceApi<ListenerSet> ListenerSets { get; }
}

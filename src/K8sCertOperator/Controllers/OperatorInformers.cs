using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers;

/// <summary>
/// The caches controllers read from. Secrets and solver Ingresses/Services are cached only with our
/// labels, so memory does not grow with objects the operator does not own; other Secrets are only
/// seen as metadata events.
/// </summary>
public sealed class OperatorInformers
{
    public required IInformer<Certificate> Certificates { get; init; }

    public required IInformer<Issuer> Issuers { get; init; }

    public required IInformer<ClusterIssuer> ClusterIssuers { get; init; }

    /// <summary>CertificateRequests; null where a caller builds informers without them.</summary>
    public IInformer<CertificateRequest>? CertificateRequests { get; init; }

    public required IInformer<Order> Orders { get; init; }

    public required IInformer<Challenge> Challenges { get; init; }

    /// <summary>Secrets labelled <c>k8scert.io/managed-by=k8s-cert-operator</c>.</summary>
    public required IInformer<V1Secret> ManagedSecrets { get; init; }

    /// <summary>
    /// Every Secret in the watch scope and the cluster resource namespace, as metadata only and not cached: tells
    /// issuers that a Secret they reference appeared or changed. Null where a caller builds informers without it.
    /// </summary>
    public IObjectEvents<PartialObjectMetadata>? SecretEvents { get; init; }

    /// <summary>Temporary HTTP-01 Ingresses (solver label), wherever the solver namespace option puts them.</summary>
    public required IInformer<V1Ingress> ChallengeIngresses { get; init; }

    /// <summary>The ExternalName Services behind them (solver label); null where a caller builds informers without it.</summary>
    public IInformer<V1Service>? ChallengeServices { get; init; }

    /// <summary>Every Ingress in the watch scope (ingress-shim); null where a caller builds informers without it.</summary>
    public IInformer<V1Ingress>? Ingresses { get; init; }

    /// <summary>Every Gateway in the watch scope (gateway-shim); null when the Gateway API is not served or turned off.</summary>
    public IInformer<Gateway>? Gateways { get; init; }

    /// <summary>Every ListenerSet in the watch scope (gateway-shim); null when ListenerSets are not served or the Gateway API is off.</summary>
    public IInformer<ListenerSet>? ListenerSets { get; init; }
}

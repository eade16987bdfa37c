using k8s;
using K8sCertOperator.Hosting;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers;

/// <summary>
/// The long-lived services every controller shares, built once by the host. Controllers read
/// through <see cref="Informers"/> (cache) and write through <see cref="Apis"/>; they coordinate
/// with each other only through the objects' status, never by calling one another.
/// </summary>
public sealed class OperatorContext
{
    public required IKubernetes Client { get; init; }

    public required OperatorOptions Options { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public required IEventRecorder Events { get; init; }

    public required StatusWriter StatusWriter { get; init; }

    public required OperatorApis Apis { get; init; }

    public required OperatorInformers Informers { get; init; }

    /// <summary>Tokens the HTTP-01 responder serves; fed from the Challenge informer on every replica.</summary>
    public required Http01TokenStore Http01Tokens { get; init; }

    public required DnsProviderRegistry DnsProviders { get; init; }

    /// <summary>ACME clients for registered issuer accounts (the Issuer controller keeps it current).</summary>
    public required IAcmeAccountRegistry AcmeAccounts { get; init; }

    /// <summary>Per-account budget for new ACME orders (--acme-order-rate); unlimited unless configured.</summary>
    public Orders.AcmeOrderRateLimiter OrderRateLimiter { get; init; } = Orders.AcmeOrderRateLimiter.Unlimited;

    /// <summary>
    /// Namespace holding the Secrets ClusterIssuers refer to (account keys, DNS credentials), like cert-manager's
    /// --cluster-resource-namespace: <see cref="OperatorOptions.ClusterResourceNamespace"/>, else the operator's own namespace.
    /// </summary>
    public string ClusterResourceNamespace => ClusterResourceNamespaceOf(Options);

    /// <summary>The namespace of ClusterIssuers' Secrets under <paramref name="options"/>.</summary>
    public static string ClusterResourceNamespaceOf(OperatorOptions options) =>
        string.IsNullOrEmpty(options?.ClusterResourceNamespace) ? options!.Namespace : options.ClusterResourceNamespace;
}

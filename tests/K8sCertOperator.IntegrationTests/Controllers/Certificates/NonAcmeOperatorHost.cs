using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Solvers.Dns01;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>The real host with the Issuer, ClusterIssuer, Certificate and CertificateRequest controllers (no ACME, always leader).</summary>
internal static class NonAcmeOperatorHost
{
    /// <param name="extra">More controllers to run beside those (e.g. the shims).</param>
    public static Task<OperatorHost> StartAsync(
        KubeTestEnvironment env, OperatorOptions options, ILoggerFactory? logs, CancellationToken ct, IReadOnlyList<IControllerRegistration>? extra = null)
    {
        var services = new OperatorServices
        {
            AcmeAccounts = (apis, informers, o, l) => new AcmeAccountRegistry(apis, informers, o, l),
            DnsProviders = _ => new DnsProviderRegistry(),
            LeaderElection = (_, _, _) => new AlwaysLeader(),
        };
        IControllerRegistration[] controllers =
        [
            new IssuerControllerRegistration(), new ClusterIssuerControllerRegistration(), new CertificateControllerRegistration(),
            new CertificateRequestSignerRegistration(), new ApproverControllerRegistration(SignerPatterns.Default), .. extra ?? [],
        ];
        return OperatorHost.StartAsync(options, env.Client, controllers, services, logs ?? NullLoggerFactory.Instance, ct);
    }
}

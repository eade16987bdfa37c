using K8sCertOperator.Api;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// How the ACME issuer cert-manager issued from was set up: its kind and name, the namespace of its Secrets (account
/// key, TSIG key), the CA profile its certificates came from and the Certificates' spec.renewBefore.
/// </summary>
internal sealed record CertManagerAcmeSetup
{
    public string IssuerKind { get; init; } = ApiGroups.IssuerKind;

    public string IssuerName { get; init; } = CertManagerAcmeLeftovers.IssuerName;

    /// <summary>Where the issuer's Secrets live; null: the Certificates' namespace (an Issuer's).</summary>
    public string? SecretNamespace { get; init; }

    /// <summary>The CA profile cert-manager's orders named; not part of the issuer's spec (so renewals get the CA's default).</summary>
    public string? Profile { get; init; }

    /// <summary>The Certificates' spec.renewBefore; null: cert-manager's default (a third of the lifetime).</summary>
    public TimeSpan? RenewBefore { get; init; }

    public bool IsClusterIssuer => IssuerKind == ApiGroups.ClusterIssuerKind;

    /// <summary>The resource (plural) of <see cref="IssuerKind"/>.</summary>
    public string IssuerPlural => IsClusterIssuer ? "clusterissuers" : "issuers";
}

namespace K8sCertOperator.Api;

/// <summary>API group, version and plural names of every custom resource this operator serves.</summary>
public static class ApiGroups
{
    /// <summary>Group of Certificate, Issuer, ClusterIssuer and CertificateRequest.</summary>
    public const string Cert = "k8scert.io";

    /// <summary>Group of the ACME Order and Challenge resources.</summary>
    public const string Acme = "acme.k8scert.io";

    /// <summary>cert-manager's group; accepted in <c>issuerRef.group</c> so migrated manifests keep working.</summary>
    public const string CertManager = "cert-manager.io";

    public const string Version = "v1";
    public const string CertApiVersion = Cert + "/" + Version;
    public const string AcmeApiVersion = Acme + "/" + Version;

    public const string CertificateKind = "Certificate";
    public const string IssuerKind = "Issuer";
    public const string ClusterIssuerKind = "ClusterIssuer";
    public const string OrderKind = "Order";
    public const string ChallengeKind = "Challenge";
    public const string CertificateRequestKind = "CertificateRequest";

    public const string CertificatePlural = "certificates";
    public const string IssuerPlural = "issuers";
    public const string ClusterIssuerPlural = "clusterissuers";
    public const string OrderPlural = "orders";
    public const string ChallengePlural = "challenges";
    public const string CertificateRequestPlural = "certificaterequests";

    public static readonly ResourceDescriptor Certificates = new(Cert, Version, CertificateKind, CertificatePlural, Namespaced: true);
    public static readonly ResourceDescriptor Issuers = new(Cert, Version, IssuerKind, IssuerPlural, Namespaced: true);
    public static readonly ResourceDescriptor ClusterIssuers = new(Cert, Version, ClusterIssuerKind, ClusterIssuerPlural, Namespaced: false);
    public static readonly ResourceDescriptor CertificateRequests = new(Cert, Version, CertificateRequestKind, CertificateRequestPlural, Namespaced: true);
    public static readonly ResourceDescriptor Orders = new(Acme, Version, OrderKind, OrderPlural, Namespaced: true);
    public static readonly ResourceDescriptor Challenges = new(Acme, Version, ChallengeKind, ChallengePlural, Namespaced: true);

    /// <summary>Every resource, in the order CRDs should be installed.</summary>
    public static IReadOnlyList<ResourceDescriptor> All { get; } = [Certificates, Issuers, ClusterIssuers, CertificateRequests, Orders, Challenges];

    /// <summary>True when <paramref name="group"/> names our issuer group (empty means the default, ours).</summary>
    public static bool IsIssuerGroup(string? group) =>
        string.IsNullOrEmpty(group) || group == Cert || group == CertManager;
}

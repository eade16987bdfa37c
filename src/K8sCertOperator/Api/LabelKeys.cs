namespace K8sCertOperator.Api;

/// <summary>Well-known label keys the operator sets and selects on.</summary>
public static class LabelKeys
{
    private const string Prefix = ApiGroups.Cert + "/";
    private const string AcmePrefix = ApiGroups.Acme + "/";

    /// <summary>Marks objects created by the operator (value <see cref="ManagedByValue"/>).</summary>
    public const string ManagedBy = Prefix + "managed-by";
    public const string ManagedByValue = "k8s-cert-operator";

    /// <summary>The standard Kubernetes label, also set on ACME account key Secrets.</summary>
    public const string AppManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>On Secrets the operator must watch: value "true" (cert-manager's controller.cert-manager.io/fao).</summary>
    public const string ForAttentionOf = "controller." + Prefix + "fao";

    /// <summary>On Orders, Challenges and key Secrets: name of the owning Certificate.</summary>
    public const string CertificateName = Prefix + "certificate-name";

    /// <summary>On HTTP-01 solver Ingresses/Services/Pods: "true".</summary>
    public const string AcmeHttp01Solver = AcmePrefix + "http01-solver";

    /// <summary>On HTTP-01 solver objects: hash of the domain being validated (label values cannot hold every name).</summary>
    public const string AcmeHttpDomain = AcmePrefix + "http-domain";

    /// <summary>On HTTP-01 solver objects: hash of the challenge token.</summary>
    public const string AcmeHttpToken = AcmePrefix + "http-token";
}

namespace K8sCertOperator.Cli.Migration;

/// <summary>The two spellings of the same API: this operator's groups and cert-manager's.</summary>
public enum ManifestApi
{
    /// <summary>k8scert.io and acme.k8scert.io.</summary>
    K8sCert,

    /// <summary>cert-manager.io and acme.cert-manager.io.</summary>
    CertManager,
}

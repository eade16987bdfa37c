using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>What an account client is bound to; a change in any part means the cached client is stale.</summary>
public readonly record struct AcmeAccountCacheKey(string IssuerUid, string Server, string TlsKey, string KeyHash, string AccountUri)
{
    /// <summary>The key an issuer's recorded status describes; null when it records no registered account.</summary>
    public static AcmeAccountCacheKey? FromStatus(IGenericIssuer issuer)
    {
        var acme = issuer.Spec?.Acme;
        var status = issuer.Status?.Acme;
        if (acme is null || string.IsNullOrEmpty(status?.Uri) || string.IsNullOrEmpty(status.LastPrivateKeyHash))
        {
            return null;
        }

        return For(issuer, status.LastPrivateKeyHash, status.Uri);
    }

    public static AcmeAccountCacheKey For(IGenericIssuer issuer, string keyHash, string accountUri)
    {
        var acme = issuer.Spec.Acme!;
        return new AcmeAccountCacheKey(
            issuer.Metadata?.Uid ?? "",
            acme.Server.Trim(),
            AcmeHttpClientCache.KeyOf(acme.CaBundle, acme.SkipTlsVerify == true),
            keyHash,
            accountUri);
    }
}

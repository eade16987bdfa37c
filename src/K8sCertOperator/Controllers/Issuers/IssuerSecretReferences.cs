using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// Every Secret an issuer spec names, all in the issuer's Secret namespace: the CA key pair, the ACME account key,
/// the EAB HMAC key and each DNS-01 provider's credentials (RFC 2136 TSIG, Cloudflare token/key, Route53 keys).
/// Webhook solver config is opaque to the operator and names no Secret it could know of.
/// </summary>
public static class IssuerSecretReferences
{
    public static IEnumerable<string> Names(IssuerSpec? spec)
    {
        if (spec is null)
        {
            yield break;
        }
        if (spec.Ca?.SecretName is { Length: > 0 } ca)
        {
            yield return ca;
        }
        if (spec.Acme is not { } acme)
        {
            yield break;
        }
        if (acme.PrivateKeySecretRef?.Name is { Length: > 0 } account)
        {
            yield return account;
        }
        if (acme.ExternalAccountBinding?.KeySecretRef?.Name is { Length: > 0 } eab)
        {
            yield return eab;
        }
        var providers = (acme.Solvers ?? []).SelectMany(s => new Api.Acme.AcmeDnsProviders?[] { s?.Dns01, s?.DnsPersist01?.Provider });
        foreach (var dns in providers.OfType<Api.Acme.AcmeDnsProviders>())
        {
            SecretKeySelector?[] selectors =
            [
                dns.Rfc2136?.TsigSecretSecretRef,
                dns.Cloudflare?.ApiTokenSecretRef,
                dns.Cloudflare?.ApiKeySecretRef,
                dns.Route53?.AccessKeyIdSecretRef,
                dns.Route53?.SecretAccessKeySecretRef,
            ];
            foreach (var name in selectors.Select(s => s?.Name).OfType<string>().Where(n => n.Length > 0))
            {
                yield return name;
            }
        }
    }
}

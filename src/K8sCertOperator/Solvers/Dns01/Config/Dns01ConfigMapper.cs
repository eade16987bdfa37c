using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>
/// Turns an issuer's <c>dns01</c> solver block into the registry's provider name and settings, reading credentials
/// from Secrets through the caller's delegate.
/// </summary>
public static class Dns01ConfigMapper
{
    /// <summary>Maps <paramref name="dns01"/>; throws <see cref="Dns01ConfigException"/> for configuration problems.</summary>
    /// <param name="dns01">The solver's dns01 block; exactly one provider must be set.</param>
    /// <param name="context">Namespace for Secrets and the name being validated.</param>
    /// <param name="readSecret">
    /// (secretName, key, ct) → the value's bytes as stored in the Secret's data (already base64-decoded by the API),
    /// or null when the Secret or key does not exist. Namespace resolution is the caller's; API failures may throw.
    /// </param>
    public static async Task<Dns01ProviderConfig> MapAsync(
        AcmeDnsProviders dns01,
        Dns01ConfigContext context,
        Func<string, string, CancellationToken, Task<byte[]?>> readSecret,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dns01);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(readSecret);

        var configured = new List<string>();
        AddIf(configured, dns01.Rfc2136, Dns01ProviderNames.Rfc2136);
        AddIf(configured, dns01.Cloudflare, Dns01ProviderNames.Cloudflare);
        AddIf(configured, dns01.Route53, Dns01ProviderNames.Route53);
        AddIf(configured, dns01.Webhook, Dns01ProviderNames.Webhook);
        if (configured.Count != 1)
        {
            throw new Dns01ConfigException(configured.Count == 0
                ? "dns01 solver has no provider configured; set one of rfc2136, cloudflare, route53, webhook"
                : $"dns01 solver configures several providers ({string.Join(", ", configured)}); set exactly one");
        }

        var cname = ParseCnameStrategy(dns01.CnameStrategy);
        var secrets = new SecretValueReader(context.ResourceNamespace, readSecret);
        var ct = cancellationToken;
        DnsProviderSettings settings = configured[0] switch
        {
            Dns01ProviderNames.Rfc2136 => await Rfc2136ConfigMapper.MapAsync(dns01.Rfc2136!, secrets, ct).ConfigureAwait(false),
            Dns01ProviderNames.Cloudflare => await CloudflareConfigMapper.MapAsync(dns01.Cloudflare!, secrets, ct).ConfigureAwait(false),
            Dns01ProviderNames.Route53 => await Route53ConfigMapper.MapAsync(dns01.Route53!, secrets, ct).ConfigureAwait(false),
            _ => WebhookConfigMapper.Map(dns01.Webhook!, context),
        };
        return new Dns01ProviderConfig(configured[0], settings, cname);
    }

    /// <summary>cert-manager's spelling (<c>None</c>, <c>Follow</c>); absent means None.</summary>
    public static CnameStrategy ParseCnameStrategy(string? value) => value switch
    {
        null or "" or CnameStrategies.None => CnameStrategy.None,
        CnameStrategies.Follow => CnameStrategy.Follow,
        _ => throw new Dns01ConfigException(
            $"dns01.cnameStrategy '{value}' is not valid; use {string.Join(" or ", CnameStrategies.All)}"),
    };

    private static void AddIf(List<string> names, object? block, string name)
    {
        if (block is not null)
        {
            names.Add(name);
        }
    }
}

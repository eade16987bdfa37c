using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01.Cloudflare;

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>cloudflare block → <see cref="CloudflareSettings"/>: an API token, or email + global API key.</summary>
internal static class CloudflareConfigMapper
{
    public static async Task<CloudflareSettings> MapAsync(AcmeIssuerDnsCloudflare config, SecretValueReader secrets, CancellationToken ct)
    {
        switch (config.ApiTokenSecretRef, config.ApiKeySecretRef)
        {
            case (not null, not null):
                throw new Dns01ConfigException("cloudflare: apiTokenSecretRef and apiKeySecretRef are mutually exclusive; set one");
            case (null, null):
                throw new Dns01ConfigException("cloudflare: set apiTokenSecretRef (recommended) or email with apiKeySecretRef");
            case (not null, null):
                var token = await secrets.ReadStringAsync(config.ApiTokenSecretRef, "cloudflare.apiTokenSecretRef", ct).ConfigureAwait(false);
                return new CloudflareSettings(ApiToken: token, Email: NullIfBlank(config.Email));
            default:
                var email = NullIfBlank(config.Email)
                    ?? throw new Dns01ConfigException("cloudflare.email is required with apiKeySecretRef");
                var apiKey = await secrets.ReadStringAsync(config.ApiKeySecretRef, "cloudflare.apiKeySecretRef", ct).ConfigureAwait(false);
                return new CloudflareSettings(Email: email, ApiKey: apiKey);
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

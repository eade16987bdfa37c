using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01.Route53;

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>route53 block → <see cref="Route53Settings"/> with static credentials.</summary>
internal static class Route53ConfigMapper
{
    public static async Task<Route53Settings> MapAsync(AcmeIssuerDnsRoute53 config, SecretValueReader secrets, CancellationToken ct)
    {
        var inlineKeyId = string.IsNullOrWhiteSpace(config.AccessKeyId) ? null : config.AccessKeyId.Trim();
        if (inlineKeyId is not null && config.AccessKeyIdSecretRef is not null)
        {
            throw new Dns01ConfigException("route53: accessKeyID and accessKeyIDSecretRef are mutually exclusive; set one");
        }
        if (!string.IsNullOrWhiteSpace(config.Role))
        {
            throw new Dns01ConfigException("route53.role (assuming an IAM role) is not supported; give static credentials");
        }
        var hasKeyId = inlineKeyId is not null || config.AccessKeyIdSecretRef is not null;
        var hasSecret = config.SecretAccessKeySecretRef is not null;
        if (!hasKeyId && !hasSecret)
        {
            throw new Dns01ConfigException(
                "route53: ambient AWS credentials are not supported; set accessKeyID (or accessKeyIDSecretRef) and secretAccessKeySecretRef");
        }
        if (!hasKeyId)
        {
            throw new Dns01ConfigException("route53: accessKeyID or accessKeyIDSecretRef is required with secretAccessKeySecretRef");
        }
        if (!hasSecret)
        {
            throw new Dns01ConfigException("route53.secretAccessKeySecretRef is required with an access key id");
        }

        var keyId = inlineKeyId
            ?? await secrets.ReadStringAsync(config.AccessKeyIdSecretRef, "route53.accessKeyIDSecretRef", ct).ConfigureAwait(false);
        var secret = await secrets.ReadStringAsync(config.SecretAccessKeySecretRef, "route53.secretAccessKeySecretRef", ct).ConfigureAwait(false);
        var credentials = new AwsCredentials(keyId, secret);
        var zone = string.IsNullOrWhiteSpace(config.HostedZoneId) ? null : config.HostedZoneId.Trim();
        return string.IsNullOrWhiteSpace(config.Region)
            ? new Route53Settings(credentials, HostedZoneId: zone)
            : new Route53Settings(credentials, config.Region.Trim(), zone);
    }
}

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>Registry keys of the built-in providers, as the dns01 block names them.</summary>
public static class Dns01ProviderNames
{
    public const string Rfc2136 = "rfc2136";
    public const string Cloudflare = "cloudflare";
    public const string Route53 = "route53";
    public const string Webhook = "webhook";
}

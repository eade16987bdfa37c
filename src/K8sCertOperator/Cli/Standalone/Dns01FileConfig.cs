using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>A parsed `--dns01-config` file: the registry's provider name and its settings, secrets already read from their files.</summary>
/// <param name="Provider">Registry key: <c>rfc2136</c>, <c>cloudflare</c>, <c>route53</c> or <c>webhook</c>.</param>
/// <param name="Settings">The provider's settings; for webhooks the per-name fields are filled in by <see cref="SettingsFor"/>.</param>
/// <param name="Kubeconfig">Webhook only: kubeconfig to reach the API server the webhook is served through; null uses the usual lookup.</param>
public sealed record Dns01FileConfig(string Provider, DnsProviderSettings Settings, string? Kubeconfig = null)
{
    /// <summary>The nameserver to check propagation against when no resolvers are given (RFC 2136 only).</summary>
    public string? DefaultPropagationNameserver => Settings is Rfc2136Settings rfc ? rfc.Nameserver : null;

    /// <summary>Settings for one name being validated (webhooks receive the name; others ignore it).</summary>
    public DnsProviderSettings SettingsFor(string dnsName) =>
        Settings is WebhookSettings webhook ? webhook with { DnsName = dnsName } : Settings;

    public override string ToString() => $"Dns01FileConfig {{ Provider = {Provider}, Settings = {Settings} }}";
}

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>Registers the <c>webhook</c> provider.</summary>
/// <param name="sender">Transport to the API server.</param>
/// <param name="zoneResolver">Finds the zone of a name when the settings carry none; defaults to an SOA walk via the system resolvers.</param>
public sealed class WebhookProviderFactory(WebhookSender sender, WebhookProvider.ZoneResolver? zoneResolver = null)
    : DnsProviderFactory<WebhookSettings>
{
    public override string Name => "webhook";

    protected override IDnsProvider Create(WebhookSettings settings) => new WebhookProvider(settings, sender, zoneResolver);
}

namespace K8sCertOperator.Solvers.Dns01.Cloudflare;

/// <summary>Registers the <c>cloudflare</c> provider.</summary>
public sealed class CloudflareProviderFactory(HttpClient httpClient) : DnsProviderFactory<CloudflareSettings>
{
    public override string Name => "cloudflare";

    protected override IDnsProvider Create(CloudflareSettings settings) => new CloudflareProvider(settings, httpClient);
}

namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>Registers the <c>route53</c> provider.</summary>
public sealed class Route53ProviderFactory(HttpClient httpClient, TimeProvider? clock = null) : DnsProviderFactory<Route53Settings>
{
    public override string Name => "route53";

    protected override IDnsProvider Create(Route53Settings settings) => new Route53Provider(settings, httpClient, clock);
}

namespace K8sCertOperator.Solvers.Dns01.Rfc2136;

/// <summary>Registers the <c>rfc2136</c> provider.</summary>
public sealed class Rfc2136ProviderFactory : DnsProviderFactory<Rfc2136Settings>
{
    public override string Name => "rfc2136";

    protected override IDnsProvider Create(Rfc2136Settings settings) => new Rfc2136Provider(settings);
}

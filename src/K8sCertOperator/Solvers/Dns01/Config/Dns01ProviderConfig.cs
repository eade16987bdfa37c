namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>What <see cref="DnsProviderRegistry.Create"/> needs for one challenge, plus the CNAME strategy to apply.</summary>
/// <param name="ProviderName">Registry key (<c>rfc2136</c>, <c>cloudflare</c>, <c>route53</c>, <c>webhook</c>).</param>
/// <param name="Settings">The provider's settings with credentials read from Secrets.</param>
/// <param name="CnameStrategy">Whether to follow a CNAME at <c>_acme-challenge</c>.</param>
public sealed record Dns01ProviderConfig(string ProviderName, DnsProviderSettings Settings, CnameStrategy CnameStrategy);

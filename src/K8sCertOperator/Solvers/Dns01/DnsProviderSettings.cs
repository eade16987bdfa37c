namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Base of every provider's plain settings record (credentials already resolved from Secrets).</summary>
public abstract record DnsProviderSettings;

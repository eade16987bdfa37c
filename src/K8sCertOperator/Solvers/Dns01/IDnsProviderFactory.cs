namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Builds one provider kind from its settings; registered by name in <see cref="DnsProviderRegistry"/>.</summary>
public interface IDnsProviderFactory
{
    /// <summary>Registry key, as used in the solver config (e.g. <c>rfc2136</c>).</summary>
    string Name { get; }

    /// <summary>The settings record this factory accepts.</summary>
    Type SettingsType { get; }

    /// <summary>Creates a provider; throws <see cref="ArgumentException"/> when the settings are of another provider.</summary>
    IDnsProvider Create(DnsProviderSettings settings);
}

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Typed base for factories so each provider only deals with its own settings record.</summary>
public abstract class DnsProviderFactory<TSettings> : IDnsProviderFactory
    where TSettings : DnsProviderSettings
{
    public abstract string Name { get; }

    public Type SettingsType => typeof(TSettings);

    public IDnsProvider Create(DnsProviderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings is not TSettings typed)
        {
            throw new ArgumentException(
                $"DNS provider '{Name}' expects {typeof(TSettings).Name}, got {settings.GetType().Name}",
                nameof(settings));
        }
        return Create(typed);
    }

    /// <summary>Creates the provider from its own settings.</summary>
    protected abstract IDnsProvider Create(TSettings settings);
}

using K8sCertOperator.Solvers.Dns01;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// The provider a `--dns01-config` file names, built through the operator's provider registry. Webhook
/// settings carry the name being validated, so the provider is built per record rather than once.
/// </summary>
public sealed class ConfiguredDnsProvider : IDnsProvider
{
    private const string ChallengeLabel = "_acme-challenge.";
    private const string PersistLabel = Acme.Challenges.DnsPersistRecord.Label + ".";
    private readonly DnsProviderRegistry _registry;
    private readonly Dns01FileConfig _config;

    public ConfiguredDnsProvider(DnsProviderRegistry registry, Dns01FileConfig config)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(config);
        _registry = registry;
        _config = config;
    }

    public Task PresentAsync(string fqdn, string value, CancellationToken ct) => For(fqdn).PresentAsync(fqdn, value, ct);

    public Task CleanUpAsync(string fqdn, string value, CancellationToken ct) => For(fqdn).CleanUpAsync(fqdn, value, ct);

    /// <summary>
    /// The validated name behind a record name: <c>_acme-challenge.a.example.com.</c>, <c>_LABEL._acme-challenge.a.example.com.</c>
    /// (dns-account-01) and <c>_validation-persist.a.example.com.</c> (dns-persist-01) all give <c>a.example.com</c>.
    /// </summary>
    public static string DnsNameOf(string fqdn)
    {
        ArgumentNullException.ThrowIfNull(fqdn);
        var name = fqdn.TrimEnd('.');
        var challenge = name.IndexOf(ChallengeLabel, StringComparison.OrdinalIgnoreCase);
        if (challenge >= 0 && (challenge == 0 || (name[..challenge].Count(c => c == '.') == 1 && name[0] == '_')))
        {
            return name[(challenge + ChallengeLabel.Length)..];
        }
        return name.StartsWith(PersistLabel, StringComparison.OrdinalIgnoreCase) ? name[PersistLabel.Length..] : name;
    }

    private IDnsProvider For(string fqdn) => _registry.Create(_config.Provider, _config.SettingsFor(DnsNameOf(fqdn)));
}
